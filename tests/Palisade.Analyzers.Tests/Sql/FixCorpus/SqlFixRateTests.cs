using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;
using Palisade.CodeFixes.Sql;
using Xunit;
using Xunit.Abstractions;

namespace Palisade.Analyzers.Tests.Sql.FixCorpus
{
    /// <summary>
    /// Measures the SQL fixes on <see cref="SqlFixCorpus"/>: of all value-hole findings (PAL1001/PAL1002), the share
    /// that get a fix whose result compiles and clears the finding (floor 90%); and every applied fix, one at a time
    /// or Fix All over the document, must compile (floor 100%).
    /// </summary>
    public class SqlFixRateTests
    {
        private const double FixRateFloor = 0.90;

        private readonly ITestOutputHelper _output;

        public SqlFixRateTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task Most_value_hole_findings_get_a_fix_that_compiles_and_clears_them_and_every_applied_fix_compiles()
        {
            int findings = 0, fixedAndCleared = 0, applied = 0, appliedCompiling = 0;
            var notes = new List<string>();
            foreach (var fixCase in SqlFixCorpus.Cases)
            {
                var source = SqlFixCorpus.Wrap(fixCase);
                var original = await LoadAsync(source);
                Assert.Empty(Errors(await CompileAsync(original)));
                var diagnostics = await FindingsAsync(original);
                foreach (var diagnostic in diagnostics)
                {
                    findings++;
                    var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
                    var changed = await ApplyOneAsync(original, diagnostic);
                    if (changed is null)
                    {
                        notes.Add($"no fix: {fixCase.Name} line {line} ({diagnostic.Id})");
                        continue;
                    }

                    applied++;
                    var errors = Errors(await CompileAsync(changed));
                    if (errors.Count > 0)
                    {
                        notes.Add($"DOES NOT COMPILE: {fixCase.Name} line {line}: {errors[0]}");
                        continue;
                    }

                    appliedCompiling++;
                    if ((await FindingsAsync(changed)).Length < diagnostics.Length)
                    {
                        fixedAndCleared++;
                    }
                    else
                    {
                        notes.Add($"not cleared: {fixCase.Name} line {line}");
                    }
                }

                // Fix All over the document, each provider in turn, as the IDE and dotnet format apply them.
                var all = original;
                foreach (var provider in new CodeFixProvider[] { new ParameterizeSqlCodeFix(), new EfCoreInterpolatedSqlCodeFix() })
                {
                    var next = await FixAllAsync(all, provider);
                    if (next is not null)
                    {
                        all = next;
                    }
                }

                if (all != original)
                {
                    applied++;
                    var errors = Errors(await CompileAsync(all));
                    if (errors.Count == 0)
                    {
                        appliedCompiling++;
                    }
                    else
                    {
                        notes.Add($"FIX ALL DOES NOT COMPILE: {fixCase.Name}: {errors[0]}");
                    }
                }
            }

            var rate = findings == 0 ? 1.0 : (double)fixedAndCleared / findings;
            var compileRate = applied == 0 ? 1.0 : (double)appliedCompiling / applied;
            _output.WriteLine($"value-hole findings: {findings}; fixed, compiling and cleared: {fixedAndCleared} ({rate:P1})");
            _output.WriteLine($"applied fixes (single and Fix All): {applied}; compiling: {appliedCompiling} ({compileRate:P1})");
            foreach (var note in notes)
            {
                _output.WriteLine(note);
            }

            Assert.True(findings > 20, "the corpus should hold enough findings to measure: " + findings);
            Assert.Equal(1.0, compileRate);
            Assert.True(rate >= FixRateFloor, $"fix rate {rate:P1} is below {FixRateFloor:P0}");
        }

        private static async Task<Document> LoadAsync(string source)
        {
            var workspace = new AdhocWorkspace();
            return workspace.AddProject("Corpus", LanguageNames.CSharp)
                .WithMetadataReferences(TestReferences.All)
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .AddDocument("Case.cs", SourceText.From(source));
        }

        private static async Task<Compilation> CompileAsync(Document document) => (await document.Project.GetCompilationAsync())!;

        private static List<Diagnostic> Errors(Compilation compilation) =>
            compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        private static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Document document)
        {
            var diagnostics = await (await CompileAsync(document))
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id is DiagnosticIds.SqlBuiltFromText or DiagnosticIds.EfCoreRawSqlBuiltFromText).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private static CodeFixProvider ProviderFor(Diagnostic diagnostic) =>
            diagnostic.Id == DiagnosticIds.SqlBuiltFromText ? new ParameterizeSqlCodeFix() : new EfCoreInterpolatedSqlCodeFix();

        private static async Task<Document?> ApplyOneAsync(Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            await ProviderFor(diagnostic).RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count == 0)
            {
                return null;
            }

            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id);
        }

        private static async Task<Document?> FixAllAsync(Document document, CodeFixProvider provider)
        {
            var diagnostics = (await FindingsAsync(document)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            if (diagnostics.IsEmpty)
            {
                return null;
            }

            var context = new FixAllContext(document, provider, FixAllScope.Document, null, provider.FixableDiagnosticIds, new Diagnostics(diagnostics), CancellationToken.None);
            var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
            if (action is null)
            {
                return null;
            }

            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id);
        }

        private sealed class Diagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Diagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
