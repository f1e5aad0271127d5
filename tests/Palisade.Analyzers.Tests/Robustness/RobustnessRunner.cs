using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Testing;
using Palisade.Testing.Generator;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>What one broken input did to the analyzers and fixes.</summary>
    internal sealed class RobustnessResult
    {
        public List<string> Failures { get; } = new List<string>();

        public int Diagnostics { get; set; }

        public int FixesApplied { get; set; }

        public TimeSpan Elapsed { get; set; }

        public string Summary(string name) =>
            $"{name}: {Elapsed.TotalMilliseconds:N0} ms, {Diagnostics} analyzer diagnostics, {FixesApplied} code actions applied, {Failures.Count} failures";
    }

    /// <summary>
    /// Runs analyzers over one broken file (next to the intact shared domain file) and then every code fix on every
    /// diagnostic it can fix. Records, instead of throwing: analyzer exceptions (the onAnalyzerException callback
    /// and AD0001 diagnostics), code-fix registration that throws, and code actions whose operations throw or lose
    /// the document.
    /// </summary>
    internal static class RobustnessRunner
    {
        /// <summary>A true hang fails the test instead of blocking CI; far above any expected time.</summary>
        public static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(90);

        /// <summary>Bounds the fix work per input; the first diagnostics of each id are as good as the rest.</summary>
        private const int MaxFixAttemptsPerProvider = 8;

        public static async Task<RobustnessResult> RunAsync(
            string source, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes, CancellationToken cancellationToken)
        {
            var result = new RobustnessResult();
            var stopwatch = Stopwatch.StartNew();
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var documentId = DocumentId.CreateNewId(projectId);
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Robustness", "Robustness", LanguageNames.CSharp,
                    compilationOptions: GeneratedCompilation.Options(concurrentBuild: true),
                    parseOptions: GeneratedCompilation.ParseOptions,
                    metadataReferences: LibraryReferences.All))
                .AddDocument(DocumentId.CreateNewId(projectId), "Domain.cs", SourceText.From(CoreTemplate.Create().Text))
                .AddDocument(documentId, "Input.cs", SourceText.From(source));
            var document = solution.GetDocument(documentId)!;
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;

            var diagnostics = await AnalyzeAsync(compilation, analyzers, result, cancellationToken).ConfigureAwait(false);
            result.Diagnostics = diagnostics.Length;

            foreach (var fix in fixes)
            {
                await ApplyFixesAsync(fix, document, diagnostics, result, cancellationToken).ConfigureAwait(false);
            }

            result.Elapsed = stopwatch.Elapsed;
            return result;
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
            Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, RobustnessResult result, CancellationToken cancellationToken)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options)
                .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            result.Failures.AddRange(exceptions);
            result.Failures.AddRange(diagnostics.Where(d => d.Id is "AD0001" or "AD0002").Select(d => d.ToString()));
            return diagnostics.Where(d => d.Id is not ("AD0001" or "AD0002")).ToImmutableArray();
        }

        private static async Task ApplyFixesAsync(
            CodeFixProvider fix, Document document, ImmutableArray<Diagnostic> diagnostics, RobustnessResult result, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var fixable = diagnostics
                .Where(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource && d.Location.SourceTree == tree)
                .Take(MaxFixAttemptsPerProvider);
            foreach (var diagnostic in fixable)
            {
                var where = $"{fix.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}";
                var actions = new List<CodeAction>();
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                    await fix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    result.Failures.Add($"{where}: RegisterCodeFixesAsync threw {exception}");
                    continue;
                }

                foreach (var action in actions)
                {
                    await ApplyAsync(action, document, where, result, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Not offering a fix is fine; an offered fix must compute its operations and keep the document.</summary>
        private static async Task ApplyAsync(CodeAction action, Document document, string where, RobustnessResult result, CancellationToken cancellationToken)
        {
            foreach (var nested in action.NestedActions)
            {
                await ApplyAsync(nested, document, where, result, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                foreach (var operation in operations.OfType<ApplyChangesOperation>())
                {
                    var changed = operation.ChangedSolution.GetDocument(document.Id);
                    if (changed is null)
                    {
                        result.Failures.Add($"{where}: '{action.Title}' removed the document it fixes");
                        continue;
                    }

                    _ = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    _ = await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    result.FixesApplied++;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                result.Failures.Add($"{where}: '{action.Title}' threw {exception}");
            }
        }
    }
}
