using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Baseline;
using Palisade.Build.SecurityPolicy;

namespace Palisade.Cli.Scanning
{
    /// <summary>What to scan and how.</summary>
    internal sealed record ScanRequest(string? Path, bool Loose, bool CheckPolicy = true);

    /// <summary>Everything a scan found, before any baseline is applied.</summary>
    internal sealed class ScanResult
    {
        public required ScanInput Input { get; init; }

        public required List<Finding> Findings { get; init; }

        public int Projects { get; init; }

        public int SourceFiles { get; init; }

        /// <summary>--loose only: files with at least one binding error.</summary>
        public int? FilesWithBindingErrors { get; init; }

        public List<string> Warnings { get; } = new();

        public TimeSpan LoadTime { get; init; }

        public TimeSpan AnalysisTime { get; init; }

        /// <summary>Reads a file a finding points into (configuration files), cached.</summary>
        public required Func<string, SourceText?> ReadFile { get; init; }
    }

    /// <summary>Loads the input, runs every Palisade analyzer and the SECURITY.md check, and returns the findings.</summary>
    internal static class Scanner
    {
        public static async Task<ScanResult> RunAsync(ScanRequest request, Action<string> progress, CancellationToken cancellationToken)
        {
            ScanInput input = ScanInput.Resolve(request.Path, request.Loose);
            var files = new ConcurrentDictionary<string, SourceText?>(StringComparer.Ordinal);
            SourceText? ReadFile(string path) => files.GetOrAdd(path, p =>
            {
                try
                {
                    return File.Exists(p) ? SourceText.From(File.ReadAllText(p)) : null;
                }
                catch (IOException)
                {
                    return null;
                }
            });

            var diagnostics = new List<Diagnostic>();
            var warnings = new List<string>();
            var loadWatch = Stopwatch.StartNew();
            TimeSpan loadTime;
            var analysisWatch = new Stopwatch();
            int projects = 0;
            int sourceFiles = 0;
            int? bindingErrors = null;

            if (input.Kind == InputKind.LooseFolder)
            {
                progress($"Compiling {input.Files.Count} .cs files under {input.Directory} without a project (--loose)");
                var (compilation, references) = LooseCompiler.Compile(input.Files, cancellationToken);
                loadTime = loadWatch.Elapsed;
                sourceFiles = input.Files.Count;
                var additional = AnalysisOptionsBuilder.ConfigurationFiles(input.Directory)
                    .Select(f => (AdditionalText)new AnalysisOptionsBuilder.FileText(f)).ToImmutableArray();
                analysisWatch.Start();
                var (found, errors) = await AnalyzeAsync(compilation, new AnalyzerOptions(additional), warnings, cancellationToken).ConfigureAwait(false);
                analysisWatch.Stop();
                diagnostics.AddRange(found);
                bindingErrors = errors.Select(d => d.Location.SourceTree?.FilePath).Where(p => p != null).Distinct(StringComparer.Ordinal).Count();
                progress($"Bound against {references}: {bindingErrors} of {input.Files.Count} files had binding errors");
            }
            else
            {
                progress($"Loading {string.Join(", ", input.Files.Select(f => Path.GetRelativePath(Environment.CurrentDirectory, f)))}");
                using LoadedWorkspace workspace = await WorkspaceLoader.LoadAsync(input, progress, cancellationToken).ConfigureAwait(false);
                loadTime = loadWatch.Elapsed;
                warnings.AddRange(workspace.Warnings.Select(w => "load: " + w));
                analysisWatch.Start();
                foreach (Project project in workspace.Projects)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Compilation? compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                    if (compilation is null)
                    {
                        warnings.Add($"{project.Name}: no compilation");
                        continue;
                    }

                    var (found, compilerErrors) = await AnalyzeAsync(compilation, AnalysisOptionsBuilder.For(project), warnings, cancellationToken).ConfigureAwait(false);
                    int errors = compilerErrors.Count;
                    projects++;
                    sourceFiles += project.DocumentIds.Count;
                    diagnostics.AddRange(found);
                    progress($"Analysed {project.Name}: {project.DocumentIds.Count} files, {found.Count} findings" + (errors > 0 ? $" ({errors} compiler errors: is the project restored and buildable?)" : string.Empty));
                }

                analysisWatch.Stop();
            }

            var findings = Deduplicate(diagnostics).Select(d => ToFinding(d, input.RepositoryRoot)).ToList();
            if (request.CheckPolicy)
            {
                findings.AddRange(PolicyFindings(input));
            }

            var result = new ScanResult
            {
                Input = input,
                Findings = findings,
                Projects = projects,
                SourceFiles = sourceFiles,
                FilesWithBindingErrors = bindingErrors,
                LoadTime = loadTime,
                AnalysisTime = analysisWatch.Elapsed,
                ReadFile = ReadFile,
            };
            result.Warnings.AddRange(warnings);
            ExcerptBuilder.Attach(result.Findings, ReadFile);
            return result;
        }

        /// <summary>
        /// Fingerprints every finding relative to <paramref name="baselineDirectory"/>, as the package's suppressor would,
        /// and marks those the baseline lists. Returns the baseline entries no finding matched (stale).
        /// </summary>
        public static List<BaselineEntry> ApplyBaseline(ScanResult result, string baselineDirectory, BaselineFile? baseline)
        {
            var withDiagnostics = result.Findings.Where(f => f.Diagnostic != null).ToList();
            BaselineEntry[] entries = FindingFingerprint.Compute(withDiagnostics.Select(f => f.Diagnostic!).ToList(), baselineDirectory, result.ReadFile, CancellationToken.None);
            var matched = new HashSet<BaselineEntry>();
            BaselineMatcher? matcher = baseline is null ? null : new BaselineMatcher(baseline);
            for (int i = 0; i < withDiagnostics.Count; i++)
            {
                withDiagnostics[i].Fingerprint = entries[i];
                BaselineEntry? match = matcher?.Match(entries[i]);
                withDiagnostics[i].Baselined = match != null;
                if (match is BaselineEntry hit)
                {
                    matched.Add(hit);
                }
            }

            return baseline is null ? new List<BaselineEntry>() : baseline.Entries.Where(e => !matched.Contains(e)).ToList();
        }

        /// <summary>
        /// The PAL findings and the compiler's errors, from one pass: asking the compilation for its own diagnostics
        /// separately would bind every method body a second time.
        /// </summary>
        private static async Task<(List<Diagnostic> Findings, List<Diagnostic> CompilerErrors)> AnalyzeAsync(
            Compilation compilation, AnalyzerOptions options, List<string> warnings, CancellationToken cancellationToken)
        {
            var analyzers = RuleCatalog.Analyzers;
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            ImmutableArray<Diagnostic> all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var compilerErrors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("PAL", StringComparison.Ordinal) && d.Id != "AD0001").ToList();
            foreach (Diagnostic failure in all.Where(d => d.Id == "AD0001"))
            {
                warnings.Add($"{compilation.AssemblyName}: an analyzer failed: {failure.GetMessage()}");
            }

            return (all.Where(d => d.Id.StartsWith("PAL", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden).ToList(), compilerErrors);
        }

        /// <summary>A file compiled into several projects (or target frameworks) reports the same finding once.</summary>
        private static IEnumerable<Diagnostic> Deduplicate(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .GroupBy(d => (d.Id, FindingFingerprint.FilePathOf(d.Location), d.Location.SourceSpan, d.GetMessage()))
                .Select(g => g.First())
                .OrderBy(d => FindingFingerprint.FilePathOf(d.Location), StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal);

        private static Finding ToFinding(Diagnostic diagnostic, string root)
        {
            string path = FindingFingerprint.FilePathOf(diagnostic.Location);
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            bool located = diagnostic.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile;
            return new Finding(
                diagnostic.Id,
                RuleCatalog.ToSeverity(diagnostic.Severity),
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                path,
                Relative(root, path),
                located ? span.StartLinePosition.Line + 1 : 0,
                located ? span.StartLinePosition.Character + 1 : 0,
                located ? span.EndLinePosition.Line + 1 : 0,
                located ? span.EndLinePosition.Character + 1 : 0)
            {
                Diagnostic = diagnostic,
            };
        }

        /// <summary>The SECURITY.md gate, as the package runs it in default mode: PAL5001 is an error, PAL5002 a warning.</summary>
        private static IEnumerable<Finding> PolicyFindings(ScanInput input)
        {
            SecurityPolicyLocation location = SecurityPolicyLocator.Locate(input.Directory, input.Kind == InputKind.Solution ? input.Directory : null, null, null);
            if (location.PolicyPath is null)
            {
                string tried = string.Join(", ", location.Candidates);
                yield return new Finding(Palisade.Analyzers.DiagnosticIds.SecurityPolicyMissing, FindingSeverity.Error,
                    $"No SECURITY.md in the repository ({location.RootReason}: {location.RepositoryRoot}); looked for {tried}. Say how to report a vulnerability privately (see {Palisade.Analyzers.DiagnosticIds.HelpUri(Palisade.Analyzers.DiagnosticIds.SecurityPolicyMissing)})",
                    string.Empty, string.Empty, 0, 0, 0, 0);
                yield break;
            }

            string relative = Relative(input.RepositoryRoot, location.PolicyPath);
            foreach (PolicyProblem problem in SecurityPolicyChecker.Check(PolicyFileReader.Read(location.PolicyPath)))
            {
                int line = Math.Max(problem.Line, 1);
                var incomplete = problem.Level == PolicyLevel.Incomplete;
                yield return new Finding(
                    incomplete ? Palisade.Analyzers.DiagnosticIds.SecurityPolicyLacksDetails : Palisade.Analyzers.DiagnosticIds.SecurityPolicyUnusable,
                    incomplete ? FindingSeverity.Note : FindingSeverity.Warning,
                    problem.Message, location.PolicyPath, relative, line, 1, line, 1);
            }
        }

        internal static string Relative(string root, string path)
        {
            if (path.Length == 0)
            {
                return string.Empty;
            }

            string relative = Path.GetRelativePath(root, path);
            return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
        }
    }
}
