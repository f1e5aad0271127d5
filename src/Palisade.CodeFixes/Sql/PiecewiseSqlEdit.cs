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
    /// Dapper: into a <c>DynamicParameters</c> declared before the first piece and passed as the call's parameters; a
    /// value appended in a loop gets a numbered name per turn (<c>"@tag_" + parameters.ParameterNames.Count()</c>).
    /// </summary>
    internal static class PiecewiseSqlEdit
    {
        private const string Prefix = "@";

        public static System.Action<DocumentEditor>? AdoNet(SqlSinkValue sink, IReadOnlyList<SqlPiece> pieces, CancellationToken cancellationToken)
        {
            var site = AdoNetSite.Find(sink.Syntax, sink.Model, cancellationToken);
            if (site is null || site.ReusedAcrossLoopTurns(cancellationToken) || pieces.Any(p => InLambda(p)))
            {
                return null;
            }

            var names = new HashSet<string>(AdoNetSite.DeclaredNames(sink.Syntax));
            if (pieces.All(p => site.CommandExistsAt(p.Statement, cancellationToken)))
            {
                return editor =>
                {
                    var g = editor.Generator;
                    var count = g.MemberAccessExpression(g.MemberAccessExpression(site.Command(), "Parameters"), "Count");
                    foreach (var piece in pieces)
                    {
                        var (before, replacement, added) = Parameterize(g, sink, piece, count, names);
                        editor.ReplaceNode(piece.Replaced, replacement);
                        InsertAround(editor, piece.Statement, before, ParameterizeSqlCodeFix.AddParameterStatements(g, site, added));
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
            names.Add(collection);
            names.Add(item);
            return editor =>
            {
                var g = editor.Generator;
                var declaration = g.LocalDeclarationStatement(collection, g.ObjectCreationExpression(g.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation)));
                editor.InsertBefore(first, declaration.WithAdditionalAnnotations(Formatter.Annotation));
                var count = g.MemberAccessExpression(g.IdentifierName(collection), "Count");
                foreach (var piece in pieces)
                {
                    var (before, replacement, added) = Parameterize(g, sink, piece, count, names);
                    editor.ReplaceNode(piece.Replaced, replacement);
                    InsertAround(editor, piece.Statement, before, added.Select(p => g.ExpressionStatement(
                        g.InvocationExpression(g.MemberAccessExpression(g.IdentifierName(collection), "Add"), p.Name, p.Value))).ToList());
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

        /// <summary>
        /// A piece's rewrite and its parameters as (name, value, local) triples. In a loop each run needs its own
        /// placeholder: <c>var tagName = "@tag_" + cmd.Parameters.Count;</c> goes before the piece, which writes
        /// <c>tagName</c> where the placeholder was, and the parameter is added under that name.
        /// </summary>
        private static (List<SyntaxNode> Before, ExpressionSyntax Replacement, List<(SyntaxNode Name, SyntaxNode Value, string Local)> Added) Parameterize(
            SyntaxGenerator g, SqlSinkValue sink, SqlPiece piece, SyntaxNode count, HashSet<string> names)
        {
            var before = new List<SyntaxNode>();
            var added = new List<(SyntaxNode Name, SyntaxNode Value, string Local)>();
            if (!InLoop(sink, piece))
            {
                added.AddRange(piece.Parameters.Select(p => (g.LiteralExpression(Prefix + p.Name), (SyntaxNode)p.Value, p.Name + "Parameter")));
                return (before, piece.Replacement, added);
            }

            var locals = new Dictionary<SqlParameterPlan.SqlParameter, string>();
            foreach (var parameter in piece.Parameters)
            {
                var local = parameter.Name + "Name";
                for (var n = 2; names.Contains(local); n++)
                {
                    local = parameter.Name + "Name" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names.Add(local);
                locals[parameter] = local;
                before.Add(g.LocalDeclarationStatement(local, SyntaxFactory.BinaryExpression(
                    SyntaxKind.AddExpression,
                    (ExpressionSyntax)g.LiteralExpression(Prefix + parameter.Name + "_"),
                    (ExpressionSyntax)count)));
                added.Add((g.IdentifierName(local), parameter.Value, parameter.Name + "Parameter"));
            }

            return (before, piece.ReplacementWith(p => locals.TryGetValue(p, out var local) ? SyntaxFactory.IdentifierName(local) : null), added);
        }

        public static System.Action<DocumentEditor>? Dapper(SqlSinkValue sink, IReadOnlyList<SqlPiece> pieces, CancellationToken cancellationToken)
        {
            if (pieces.Any(p => InLambda(p)) ||
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
            if (existing is null || dynamicParameters is null)
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

            // Everything at the call itself: an anonymous object, as for SQL written in one expression.
            if (pieces.All(p => !InLoop(sink, p) && p.Statement == sinkStatement && sink.Syntax.Span.Contains(p.Replaced.Span)))
            {
                var members = pieces.SelectMany(p => p.Parameters).Select(ParameterizeSqlCodeFix.Member).ToList();
                var anonymous = SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(members));
                return editor =>
                {
                    foreach (var piece in pieces)
                    {
                        editor.ReplaceNode(piece.Replaced, piece.Replacement);
                    }

                    if (replacedArgument is not null)
                    {
                        editor.ReplaceNode(replacedArgument.Expression, anonymous.WithTriviaFrom(replacedArgument.Expression));
                        return;
                    }

                    var newArgument = SyntaxFactory.Argument(anonymous);
                    if (index + 1 < list.Arguments.Count)
                    {
                        newArgument = newArgument.WithNameColon(SyntaxFactory.NameColon(parameterName));
                    }

                    editor.ReplaceNode(list, (current, _) => ((ArgumentListSyntax)current).WithArguments(((ArgumentListSyntax)current).Arguments.Insert(index + 1, newArgument)));
                };
            }

            var first = FirstInBlockOf(sinkStatement, pieces);
            if (first is null)
            {
                return null;
            }

            var collection = UniqueName("parameters", first, sink.Model);
            var names = new HashSet<string>(AdoNetSite.DeclaredNames(sink.Syntax)) { collection };

            // A value appended in a loop gets a numbered name per turn: "@tag_" + parameters.ParameterNames.Count().
            var enumerable = sink.Model.Compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            var countInScope = !sink.Model.LookupSymbols(first.SpanStart, name: "Enumerable").IsEmpty &&
                               sink.Model.LookupNamespacesAndTypes(first.SpanStart, name: "Enumerable").Any(t => SymbolEqualityComparer.Default.Equals(t, enumerable));
            if (enumerable is null && pieces.Any(p => InLoop(sink, p)))
            {
                return null;
            }

            return editor =>
            {
                var g = editor.Generator;
                var declaration = g.LocalDeclarationStatement(collection, g.ObjectCreationExpression(g.TypeExpression(dynamicParameters).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation)));
                editor.InsertBefore(first, declaration.WithAdditionalAnnotations(Formatter.Annotation));
                var parameterNames = g.MemberAccessExpression(g.IdentifierName(collection), "ParameterNames");
                var count = countInScope || enumerable is null
                    ? g.InvocationExpression(g.MemberAccessExpression(parameterNames, "Count"))
                    : g.InvocationExpression(g.MemberAccessExpression(g.TypeExpression(enumerable).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation), "Count"), parameterNames);
                foreach (var piece in pieces)
                {
                    if (InLoop(sink, piece))
                    {
                        var (before, replacement, added) = Parameterize(g, sink, piece, count, names);
                        editor.ReplaceNode(piece.Replaced, replacement);
                        InsertAround(editor, piece.Statement, before, added.Select(p => g.ExpressionStatement(
                            g.InvocationExpression(g.MemberAccessExpression(g.IdentifierName(collection), "Add"), p.Name, p.Value))).ToList());
                        continue;
                    }

                    editor.ReplaceNode(piece.Replaced, piece.Replacement);
                    InsertAround(editor, piece.Statement, new List<SyntaxNode>(), piece.Parameters.Select(p => g.ExpressionStatement(
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

        /// <summary>Around <paramref name="statement"/>; an embedded statement (<c>if (x) sb.Append(...);</c>) becomes a block first.</summary>
        private static void InsertAround(DocumentEditor editor, StatementSyntax statement, List<SyntaxNode> before, List<SyntaxNode> after)
        {
            if (before.Count + after.Count == 0)
            {
                return;
            }

            var annotatedBefore = before.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
            var annotatedAfter = after.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
            if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                if (annotatedBefore.Count > 0)
                {
                    editor.InsertBefore(statement, annotatedBefore);
                }

                if (annotatedAfter.Count > 0)
                {
                    editor.InsertAfter(statement, annotatedAfter);
                }

                return;
            }

            editor.ReplaceNode(statement, (current, _) =>
                SyntaxFactory.Block(annotatedBefore.Cast<StatementSyntax>().Concat(new[] { ((StatementSyntax)current).WithoutTrivia() }).Concat(annotatedAfter.Cast<StatementSyntax>())
                        .Select(s => s.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker)))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>True when a loop around the piece does not also hold the sink: the piece runs once per turn.</summary>
        private static bool InLoop(SqlSinkValue sink, SqlPiece piece)
        {
            for (var node = piece.Statement.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
            {
                if (node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax && !node.Span.Contains(sink.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InLambda(SqlPiece piece) =>
            piece.Statement.Ancestors().Any(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

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
