using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Palisade.Analyzers.Shared;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// The edit for SQL built over several statements (<see cref="SqlPieces"/>): each piece is rewritten where it is,
    /// and its parameters are added right after it, in the same branch.
    /// ADO.NET: straight onto the command when the command already exists there; otherwise into a dictionary declared
    /// before the first piece and copied onto the command where the command gets its text.
    /// Dapper: into a <c>DynamicParameters</c> declared before the first piece and passed as the call's parameters.
    /// </summary>
    internal static class PiecewiseSqlEdit
    {
        private const string Prefix = "@";

        public static System.Action<DocumentEditor>? AdoNet(SqlSinkValue sink, IReadOnlyList<SqlPiece> pieces, CancellationToken cancellationToken)
        {
            var site = AdoNetSite.Find(sink.Syntax, sink.Model, cancellationToken);
            if (site is null || !OutsideLoops(sink, pieces))
            {
                return null;
            }

            if (pieces.All(p => site.CommandExistsAt(p.Statement, cancellationToken)))
            {
                return editor =>
                {
                    foreach (var piece in pieces)
                    {
                        editor.ReplaceNode(piece.Replaced, piece.Replacement);
                        InsertAfter(editor, piece.Statement, ParameterizeSqlCodeFix.AddParameterStatements(editor.Generator, site, piece.Parameters));
                    }
                };
            }

            var first = FirstInBlockOf(site.Statement, pieces);
            var dictionary = TypeLookup.Find(sink.Model.Compilation, "System.Collections.Generic.Dictionary`2");
            if (first is null || dictionary is null)
            {
                return null;
            }

            var nullable = sink.Model.GetNullableContext(first.SpanStart).AnnotationsEnabled();
            var objectType = sink.Model.Compilation.GetSpecialType(SpecialType.System_Object).WithNullableAnnotation(nullable ? NullableAnnotation.Annotated : NullableAnnotation.None);
            var type = dictionary.Construct(sink.Model.Compilation.GetSpecialType(SpecialType.System_String), objectType);
            var collection = UniqueName("parameters", first, sink.Model);
            var item = UniqueName("parameter", site.Statement, sink.Model, collection);
            return editor =>
            {
                var g = editor.Generator;
                var declaration = g.LocalDeclarationStatement(collection, g.ObjectCreationExpression(g.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation)));
                editor.InsertBefore(first, declaration.WithAdditionalAnnotations(Formatter.Annotation));
                foreach (var piece in pieces)
                {
                    editor.ReplaceNode(piece.Replaced, piece.Replacement);
                    InsertAfter(editor, piece.Statement, piece.Parameters.Select(p => g.ExpressionStatement(
                        g.InvocationExpression(g.MemberAccessExpression(g.IdentifierName(collection), "Add"), g.LiteralExpression(Prefix + p.Name), p.Value))).ToList());
                }

                var body = ParameterizeSqlCodeFix.AddParameterStatements(
                    g,
                    site,
                    new[] { (g.MemberAccessExpression(g.IdentifierName(item), "Key"), g.MemberAccessExpression(g.IdentifierName(item), "Value"), "sqlParameter") });
                var loop = SyntaxFactory.ForEachStatement(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.Identifier(item),
                    SyntaxFactory.IdentifierName(collection),
                    SyntaxFactory.Block(body.Cast<StatementSyntax>())).WithAdditionalAnnotations(Formatter.Annotation);
                if (site.InsertAtStartOf is { } block)
                {
                    editor.InsertBefore(block.Statements[0], loop);
                }
                else
                {
                    editor.InsertAfter(site.Statement, loop);
                }
            };
        }

        public static System.Action<DocumentEditor>? Dapper(SqlSinkValue sink, IReadOnlyList<SqlPiece> pieces, CancellationToken cancellationToken)
        {
            if (!OutsideLoops(sink, pieces) ||
                sink.Syntax.Parent is not ArgumentSyntax argument ||
                argument.Parent is not ArgumentListSyntax list ||
                sink.Model.GetOperation(list.Parent!, cancellationToken) is not { } call ||
                sink.Syntax.FirstAncestorOrSelf<StatementSyntax>() is not { } sinkStatement)
            {
                return null;
            }

            var (method, arguments) = call switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null!, default),
            };
            var parameterName = call is IObjectCreationOperation ? "parameters" : "param";
            var existing = method is null ? null : arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);
            var dynamicParameters = method?.ContainingType.ContainingNamespace.GetTypeMembers("DynamicParameters").FirstOrDefault();
            var first = FirstInBlockOf(sinkStatement, pieces);
            if (existing is null || dynamicParameters is null || first is null)
            {
                return null;
            }

            var index = list.Arguments.IndexOf(argument);
            ArgumentSyntax? replacedArgument = null;
            if (existing.ArgumentKind == ArgumentKind.Explicit)
            {
                if (existing.Syntax is not ArgumentSyntax { Expression: { } value } explicitArgument ||
                    !(value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.DefaultLiteralExpression)))
                {
                    return null;
                }

                replacedArgument = explicitArgument;
            }
            else if (list.Arguments.Skip(index + 1).Any(a => a.NameColon is null))
            {
                return null;
            }

            var collection = UniqueName("parameters", first, sink.Model);
            return editor =>
            {
                var g = editor.Generator;
                var declaration = g.LocalDeclarationStatement(collection, g.ObjectCreationExpression(g.TypeExpression(dynamicParameters).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation)));
                editor.InsertBefore(first, declaration.WithAdditionalAnnotations(Formatter.Annotation));
                foreach (var piece in pieces)
                {
                    editor.ReplaceNode(piece.Replaced, piece.Replacement);
                    InsertAfter(editor, piece.Statement, piece.Parameters.Select(p => g.ExpressionStatement(
                        g.InvocationExpression(g.MemberAccessExpression(g.IdentifierName(collection), "Add"), g.LiteralExpression(p.Name), p.Value))).ToList());
                }

                if (replacedArgument is not null)
                {
                    editor.ReplaceNode(replacedArgument.Expression, SyntaxFactory.IdentifierName(collection).WithTriviaFrom(replacedArgument.Expression));
                    return;
                }

                var newArgument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(collection));
                if (index + 1 < list.Arguments.Count)
                {
                    newArgument = newArgument.WithNameColon(SyntaxFactory.NameColon(parameterName));
                }

                editor.ReplaceNode(list, (current, _) =>
                {
                    var currentList = (ArgumentListSyntax)current;
                    return currentList.WithArguments(currentList.Arguments.Insert(index + 1, newArgument));
                });
            };
        }

        /// <summary>After <paramref name="statement"/>; an embedded statement (<c>if (x) sb.Append(...);</c>) becomes a block first.</summary>
        private static void InsertAfter(DocumentEditor editor, StatementSyntax statement, List<SyntaxNode> added)
        {
            if (added.Count == 0)
            {
                return;
            }

            var annotated = added.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
            if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                editor.InsertAfter(statement, annotated);
                return;
            }

            editor.ReplaceNode(statement, (current, _) =>
                SyntaxFactory.Block(new[] { ((StatementSyntax)current).WithoutTrivia() }.Concat(annotated.Cast<StatementSyntax>()).Select(s => s.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker)))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>A piece inside a loop that does not also hold the sink would add the same parameter name once per turn.</summary>
        private static bool OutsideLoops(SqlSinkValue sink, IReadOnlyList<SqlPiece> pieces)
        {
            foreach (var piece in pieces)
            {
                for (var node = piece.Statement.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
                {
                    if (node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax &&
                        !node.Span.Contains(sink.Syntax.Span))
                    {
                        return false;
                    }

                    if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The statement of the sink's block that holds the first piece, where the collection is declared.</summary>
        private static StatementSyntax? FirstInBlockOf(StatementSyntax sinkStatement, IReadOnlyList<SqlPiece> pieces)
        {
            if (sinkStatement.Parent is not BlockSyntax block)
            {
                return null;
            }

            StatementSyntax? first = null;
            foreach (var piece in pieces)
            {
                var holder = piece.Statement.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent == block);
                if (holder is null || holder.SpanStart > sinkStatement.SpanStart)
                {
                    return null;
                }

                if (first is null || holder.SpanStart < first.SpanStart)
                {
                    first = holder;
                }
            }

            return first;
        }

        private static string UniqueName(string name, SyntaxNode at, SemanticModel model, string? alsoTaken = null)
        {
            var declared = AdoNetSite.DeclaredNames(at);
            var candidate = name;
            for (var n = 2; candidate == alsoTaken || declared.Contains(candidate) || !model.LookupSymbols(at.SpanStart, name: candidate).IsEmpty; n++)
            {
                candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
