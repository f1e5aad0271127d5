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
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers;
using Palisade.Analyzers.Sql;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// PAL1002: <c>FromSqlRaw("..." + x)</c> becomes <c>FromSql($"...{x}")</c> (ExecuteSql, ExecuteSqlAsync, SqlQuery;
    /// the *Interpolated names on EF Core versions without them). EF Core turns every hole of the interpolated string
    /// into a DbParameter, so the quotes around a hole are removed and LIKE wildcards move into the value.
    /// The SQL may be written at the call or in a local read only there (the template then moves into the call), and
    /// the call passes no positional parameters of its own. <c>string.Format</c> with a constant format is a template too.
    /// An IN list made with <c>string.Join("','", values)</c> keeps the raw method and gets one <c>{n}</c> placeholder
    /// and one value per element (<see cref="EfCoreInListEdit"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EfCoreInterpolatedSqlCodeFix))]
    public sealed class EfCoreInterpolatedSqlCodeFix : CodeFixProvider
    {
        /// <summary>The equivalence key of the "Use {safe API} with an interpolated string" action.</summary>
        public const string EquivalenceKey = "Palisade.Sql.EfCoreInterpolated";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.EfCoreRawSqlBuiltFromText);

        /// <summary>Fix All applies the fixes of a document one after the other (see <see cref="SqlFixAllProvider"/>).</summary>
        public override FixAllProvider GetFixAllProvider() => SqlFixAllProvider.Create(ApplyAsync);

        private static Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.SafeAlternativeProperty, out var safeName) && safeName is not null
                ? ApplyAsync(document, diagnostic, safeName, cancellationToken)
                : Task.FromResult(document);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.SafeAlternativeProperty, out var safeName) || safeName is null)
                {
                    continue;
                }

                // The IN list fix decides for itself (the analyzer cannot see a list of values as one parameter).
                if (await ListPlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Pass each value of the IN list as a parameter", ct => ApplyAsync(context.Document, diagnostic, safeName, ct), EquivalenceKey),
                        diagnostic);
                    continue;
                }

                if (!diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.FixableProperty, out var fixable) || fixable != "true")
                {
                    continue;
                }

                if (await PlanAsync(context.Document, diagnostic, safeName, context.CancellationToken).ConfigureAwait(false) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create($"Use {safeName} with an interpolated string", ct => ApplyAsync(context.Document, diagnostic, safeName, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string safeName, CancellationToken cancellationToken)
        {
            var edit = await PlanAsync(document, diagnostic, safeName, cancellationToken).ConfigureAwait(false);
            if (edit is null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            edit(editor);
            return editor.GetChangedDocument();
        }

        /// <summary>IN ('" + string.Join("','", names) + "')": one {n} placeholder and one value per element (<see cref="EfCoreInListEdit"/>).</summary>
        private static async Task<System.Action<DocumentEditor>?> ListPlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            await SqlSinkValue.LoadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } sink
                ? EfCoreInListEdit.Plan(sink, cancellationToken)
                : null;

        private static async Task<System.Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, string safeName, CancellationToken cancellationToken)
        {
            if (await ListPlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } listEdit)
            {
                return listEdit;
            }

            var fix = await SqlFixContext.CreateAsync(document, diagnostic, allowLocal: true, reserveMemberPlaceholders: false, cancellationToken).ConfigureAwait(false);
            if (fix?.SinkValue.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } ||
                invocation.Expression is not MemberAccessExpressionSyntax member ||
                fix.Model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call)
            {
                return null;
            }

            // Only the SQL and an optional CancellationToken may be passed: raw positional parameters have no place in the new call.
            foreach (var argument in call.Arguments)
            {
                var isReceiver = call.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0;
                if (isReceiver || argument.Syntax == fix.SinkValue.Parent || argument.Parameter?.Type.Name == "CancellationToken")
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array && (array.Initializer?.ElementValues.Length ?? 0) == 0)
                {
                    continue;
                }

                if (argument.ArgumentKind != ArgumentKind.Explicit && argument.ArgumentKind != ArgumentKind.ParamArray)
                {
                    continue;
                }

                return null;
            }

            // A template local ("var sql = ...; FromSqlRaw(sql)") moves into the call: an interpolated string handed
            // to FromSql must be written at the call. Only when nothing it reads is written in between.
            LocalDeclarationStatementSyntax? templateDeclaration = null;
            if (fix.Target != fix.SinkValue)
            {
                templateDeclaration = fix.Target.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
                var sinkStatement = fix.SinkValue.FirstAncestorOrSelf<StatementSyntax>();
                if (templateDeclaration is null || templateDeclaration.Declaration.Variables.Count != 1 || sinkStatement is null ||
                    templateDeclaration.Parent is not BlockSyntax block || sinkStatement.Parent != block ||
                    !ReadsAreStableUntil(fix.Model, block, templateDeclaration, sinkStatement, fix.Target))
                {
                    return null;
                }
            }

            var interpolated = fix.Plan.ToInterpolatedExpression(fix.Target).WithTriviaFrom(fix.SinkValue);
            var newName = member.Name is GenericNameSyntax generic
                ? (SimpleNameSyntax)generic.WithIdentifier(SyntaxFactory.Identifier(safeName).WithTriviaFrom(generic.Identifier))
                : SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(safeName).WithTriviaFrom(member.Name.Identifier));
            return editor =>
            {
                editor.ReplaceNode(fix.SinkValue, interpolated);
                editor.ReplaceNode(member.Name, newName);
                if (templateDeclaration is not null && fix.SinkValue.FirstAncestorOrSelf<StatementSyntax>() is { } sinkStatement)
                {
                    editor.RemoveNode(templateDeclaration, SyntaxRemoveOptions.KeepNoTrivia);
                    editor.ReplaceNode(sinkStatement, (current, _) => current.WithAdditionalAnnotations(Formatter.Annotation));
                }
            };
        }

        /// <summary>No statement between the declaration and the call writes a variable the template reads.</summary>
        private static bool ReadsAreStableUntil(SemanticModel model, BlockSyntax block, StatementSyntax declaration, StatementSyntax sink, ExpressionSyntax template)
        {
            var first = block.Statements.IndexOf(declaration) + 1;
            var last = block.Statements.IndexOf(sink) - 1;
            if (first > last)
            {
                return true;
            }

            var flow = model.AnalyzeDataFlow(block.Statements[first], block.Statements[last]);
            var read = model.AnalyzeDataFlow(template);
            return flow is { Succeeded: true } && read is { Succeeded: true } &&
                   !flow.WrittenInside.Intersect(read.ReadInside, SymbolEqualityComparer.Default).Any();
        }
    }
}
