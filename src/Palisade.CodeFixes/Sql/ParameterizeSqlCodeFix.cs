using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Palisade.Analyzers;
using Palisade.Analyzers.Sql;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// PAL1001: turns each untrusted hole into a named placeholder (<c>@name</c>) and passes the value as a parameter.
    /// ADO.NET: <c>Parameters.AddWithValue</c> when the provider's collection has it, else <c>CreateParameter()</c> +
    /// <c>Parameters.Add</c>, right after the statement that sets the text (or after the command's declaration when
    /// the text goes through the constructor). Dapper: an anonymous parameter object, merged into an existing one.
    /// SQL built over several statements (StringBuilder, += in branches and loops) is rewritten piece by piece
    /// (<see cref="SqlPieces"/>, <see cref="PiecewiseSqlEdit"/>). An ADO.NET IN list made with <c>string.Join("','", values)</c>
    /// gets one placeholder per element, added in a loop (<see cref="AdoNetInListEdit"/>).
    /// The fix decides for itself, whatever the diagnostic's Fixable property says: it offers nothing unless the
    /// statement's template is literal text here and every hole is a value, and nothing when the result would not
    /// compile or would change the query (helper methods, text read elsewhere, a command reused across loop turns).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ParameterizeSqlCodeFix))]
    public sealed class ParameterizeSqlCodeFix : CodeFixProvider
    {
        /// <summary>The equivalence key of the "Use SQL parameters" action (one per diagnostic, Fix All merges them).</summary>
        public const string EquivalenceKey = "Palisade.Sql.Parameterize";

        private const string Prefix = "@";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SqlBuiltFromText);

        /// <summary>Fix All plans each fix on the result of the previous one, so names never collide (see <see cref="SqlFixAllProvider"/>).</summary>
        public override FixAllProvider GetFixAllProvider() => SqlFixAllProvider.Create(ApplyAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var edit = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (edit is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Use SQL parameters", ct => ApplyAsync(context.Document, diagnostic, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        internal static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var edit = await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (edit is null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            edit(editor);
            return editor.GetChangedDocument();
        }

        /// <summary>Everything is decided before the action is offered, so an offered fix always applies.</summary>
        private static async Task<System.Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var kind = diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.SinkKindProperty, out var k) ? k : null;
            if (kind == nameof(SqlSinkKind.AdoNet) &&
                await SqlSinkValue.LoadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } listSink &&
                AdoNetInListEdit.Plan(listSink, cancellationToken) is { } listEdit)
            {
                // IN ('" + string.Join("','", names) + "')": one placeholder per element, added in a loop.
                return listEdit;
            }

            var fix = await SqlFixContext.CreateAsync(document, diagnostic, allowLocal: true, reserveMemberPlaceholders: kind == nameof(SqlSinkKind.AdoNet), cancellationToken).ConfigureAwait(false);
            if (fix is null)
            {
                return await PiecewiseAsync(document, diagnostic, kind, cancellationToken).ConfigureAwait(false);
            }

            var newSql = fix.Plan.ToSqlExpression(Prefix, fix.Target).WithTriviaFrom(fix.Target);
            return kind switch
            {
                nameof(SqlSinkKind.AdoNet) => AdoNetEdit(fix, newSql, cancellationToken),
                nameof(SqlSinkKind.Dapper) => DapperEdit(fix, newSql),
                _ => null,
            };
        }

        /// <summary>SQL built over several statements (StringBuilder appends, += in branches, reassigned locals).</summary>
        private static async Task<System.Action<DocumentEditor>?> PiecewiseAsync(Document document, Diagnostic diagnostic, string? kind, CancellationToken cancellationToken)
        {
            if (kind is not (nameof(SqlSinkKind.AdoNet) or nameof(SqlSinkKind.Dapper)))
            {
                return null;
            }

            var sink = await SqlSinkValue.LoadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (sink is null)
            {
                return null;
            }

            var reserved = kind == nameof(SqlSinkKind.AdoNet) ? SqlFixContext.PlaceholdersIn(sink.Syntax) : new HashSet<string>();
            var pieces = SqlPieces.Find(sink, reserved, expandLists: kind == nameof(SqlSinkKind.Dapper), cancellationToken);
            if (pieces is null)
            {
                return null;
            }

            return kind == nameof(SqlSinkKind.AdoNet)
                ? PiecewiseSqlEdit.AdoNet(sink, pieces, cancellationToken)
                : PiecewiseSqlEdit.Dapper(sink, pieces, cancellationToken);
        }

        private static System.Action<DocumentEditor>? AdoNetEdit(SqlFixContext fix, ExpressionSyntax newSql, CancellationToken cancellationToken)
        {
            var site = AdoNetSite.Find(fix.SinkValue, fix.Model, cancellationToken);
            if (site is null || site.ReusedAcrossLoopTurns(cancellationToken))
            {
                return null;
            }

            return editor =>
            {
                var statements = AddParameterStatements(editor.Generator, site, fix.Plan.Parameters);
                editor.ReplaceNode(fix.Target, newSql);
                if (site.InsertAtStartOf is { } block)
                {
                    editor.InsertBefore(block.Statements[0], statements);
                }
                else
                {
                    editor.InsertAfter(site.Statement, statements);
                }
            };
        }

        /// <summary>
        /// <c>cmd.Parameters.AddWithValue("@name", value);</c> when the provider's collection has it, else
        /// <c>var p = cmd.CreateParameter(); p.ParameterName = "@name"; p.Value = value; cmd.Parameters.Add(p);</c>.
        /// </summary>
        internal static List<SyntaxNode> AddParameterStatements(SyntaxGenerator generator, AdoNetSite site, IEnumerable<SqlParameterPlan.SqlParameter> parameters) =>
            AddParameterStatements(generator, site, parameters.Select(p => (generator.LiteralExpression(Prefix + p.Name), (SyntaxNode)p.Value, p.Name + "Parameter")));

        internal static List<SyntaxNode> AddParameterStatements(SyntaxGenerator generator, AdoNetSite site, IEnumerable<(SyntaxNode Name, SyntaxNode Value, string Local)> parameters)
        {
            var statements = new List<SyntaxNode>();
            foreach (var (name, value, local) in parameters)
            {
                var collection = generator.MemberAccessExpression(site.Command(), "Parameters");
                if (site.HasAddWithValue)
                {
                    statements.Add(generator.ExpressionStatement(generator.InvocationExpression(generator.MemberAccessExpression(collection, "AddWithValue"), name, value)));
                    continue;
                }

                var variable = site.UniqueLocalName(local);
                statements.Add(generator.LocalDeclarationStatement(variable, generator.InvocationExpression(generator.MemberAccessExpression(site.Command(), "CreateParameter"))));
                statements.Add(generator.ExpressionStatement(generator.AssignmentStatement(generator.MemberAccessExpression(generator.IdentifierName(variable), "ParameterName"), name)));
                statements.Add(generator.ExpressionStatement(generator.AssignmentStatement(generator.MemberAccessExpression(generator.IdentifierName(variable), "Value"), value)));
                statements.Add(generator.ExpressionStatement(generator.InvocationExpression(generator.MemberAccessExpression(collection, "Add"), generator.IdentifierName(variable))));
            }

            return statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
        }

        private static System.Action<DocumentEditor>? DapperEdit(SqlFixContext fix, ExpressionSyntax newSql)
        {
            var argument = fix.SinkValue.Parent as ArgumentSyntax;
            if (argument?.Parent is not ArgumentListSyntax list || fix.Model.GetOperation(list.Parent!) is not { } call)
            {
                return null;
            }

            var parameterName = call is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation ? "parameters" : "param";
            var arguments = call switch
            {
                Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation => invocation.Arguments,
                Microsoft.CodeAnalysis.Operations.IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<Microsoft.CodeAnalysis.Operations.IArgumentOperation>.Empty,
            };
            var existing = arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);
            if (existing is null)
            {
                return null;
            }

            var members = fix.Plan.Parameters.Select(p => Member(p)).ToList();
            if (existing.ArgumentKind == Microsoft.CodeAnalysis.Operations.ArgumentKind.Explicit && existing.Syntax is ArgumentSyntax existingSyntax)
            {
                if (existingSyntax.Expression is AnonymousObjectCreationExpressionSyntax anonymous)
                {
                    var taken = new HashSet<string>(anonymous.Initializers.Select(MemberName), System.StringComparer.OrdinalIgnoreCase);
                    if (fix.Plan.Parameters.Any(p => taken.Contains(p.Name)))
                    {
                        return null;
                    }

                    var merged = anonymous.AddInitializers(members.ToArray()).WithAdditionalAnnotations(Formatter.Annotation);
                    return editor =>
                    {
                        editor.ReplaceNode(fix.Target, newSql);
                        editor.ReplaceNode(anonymous, merged);
                    };
                }

                if (existingSyntax.Expression.IsKind(SyntaxKind.NullLiteralExpression) || existingSyntax.Expression.IsKind(SyntaxKind.DefaultLiteralExpression))
                {
                    var created = SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(members)).WithTriviaFrom(existingSyntax.Expression);
                    return editor =>
                    {
                        editor.ReplaceNode(fix.Target, newSql);
                        editor.ReplaceNode(existingSyntax.Expression, created);
                    };
                }

                return null;
            }

            // No parameter object yet: add one right after the SQL when nothing follows it positionally, else by name.
            var index = list.Arguments.IndexOf(argument);
            var followingPositional = list.Arguments.Skip(index + 1).Any(a => a.NameColon is null);
            if (followingPositional)
            {
                return null;
            }

            var newArgument = SyntaxFactory.Argument(SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(members)));
            if (index + 1 < list.Arguments.Count)
            {
                newArgument = newArgument.WithNameColon(SyntaxFactory.NameColon(parameterName));
            }

            return editor =>
            {
                editor.ReplaceNode(fix.Target, newSql);
                editor.ReplaceNode(list, (current, _) =>
                {
                    var currentList = (ArgumentListSyntax)current;
                    return currentList.WithArguments(currentList.Arguments.Insert(index + 1, newArgument));
                });
            };
        }

        /// <summary><c>name</c> when the value is the same-named variable or member (projection), else <c>name = value</c>.</summary>
        internal static AnonymousObjectMemberDeclaratorSyntax Member(SqlParameterPlan.SqlParameter parameter)
        {
            var projected = parameter.Value switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => null,
            };
            return projected == parameter.Name
                ? SyntaxFactory.AnonymousObjectMemberDeclarator(parameter.Value)
                : SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.NameEquals(parameter.Name), parameter.Value);
        }

        private static string MemberName(AnonymousObjectMemberDeclaratorSyntax member) =>
            member.NameEquals?.Name.Identifier.ValueText ?? member.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => string.Empty,
            };
    }
}
