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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Testing;
using Palisade.Testing.Generator;

namespace Palisade.Benchmarks
{
    /// <summary>
    /// Measures, for one generated size, the compiler's own work (<c>GetDiagnostics()</c> on a fresh compilation)
    /// and each analyzer's execution time (<see cref="CompilationWithAnalyzers"/> telemetry) on the same code.
    /// </summary>
    internal sealed class AnalyzerCostBenchmark
    {
        private readonly Func<ImmutableArray<DiagnosticAnalyzer>> _createAnalyzers;
        private readonly bool _concurrent;
        private readonly TextWriter _log;
        private readonly string? _diagnosticsListPath;
        private readonly bool _byAction;
        private ImmutableArray<Diagnostic> _lastDiagnostics = ImmutableArray<Diagnostic>.Empty;

        public AnalyzerCostBenchmark(Func<ImmutableArray<DiagnosticAnalyzer>> createAnalyzers, bool concurrent, TextWriter log, string? diagnosticsListPath = null, bool byAction = false)
        {
            _byAction = byAction;
            _createAnalyzers = createAnalyzers;
            _concurrent = concurrent;
            _log = log;
            _diagnosticsListPath = diagnosticsListPath;
        }

        public async Task<SizeMeasurement> MeasureAsync(Workload workload, int size, int seed, int runs, bool measureAllocations = true)
        {
            var input = workload.Create(size, seed);
            var lines = input.Lines;
            var trees = input.Trees;
            var additionalFiles = input.AdditionalFiles;
            _log.WriteLine($"  {size} {workload.SizeUnit}, {lines:N0} lines, {additionalFiles.Length} additional files ({input.AdditionalBytes / 1024:N0} KB): compiling {runs}x ...");

            var compileMs = new List<double>();
            var compileCpuMs = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                compileMs.Add(TimeCompile(trees, out var compilerDiagnostics, out var cpuMs));
                compileCpuMs.Add(cpuMs);
                if (run == 0)
                {
                    ThrowOnCompilerErrors(compilerDiagnostics);
                }
            }

            _log.WriteLine($"  analyzing {runs}x ...");
            var analyzerMs = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var wallMs = new List<double>();
            var gcPauseMs = new List<double>();
            var allocatedMb = new List<double>();
            IReadOnlyDictionary<string, int> counts = new Dictionary<string, int>();
            for (var run = 0; run < runs; run++)
            {
                var (wall, gcPause, allocated, perAnalyzer, diagnosticCounts) = await TimeAnalysisAsync(trees, additionalFiles).ConfigureAwait(false);
                wallMs.Add(wall);
                gcPauseMs.Add(gcPause);
                allocatedMb.Add(allocated);
                counts = diagnosticCounts;
                foreach (var (name, ms) in perAnalyzer)
                {
                    if (!analyzerMs.TryGetValue(name, out var list))
                    {
                        analyzerMs[name] = list = new List<double>();
                    }

                    list.Add(ms);
                }
            }

            WriteDiagnosticsList(size);

            IReadOnlyDictionary<string, double> allocatedKb = new Dictionary<string, double>();
            IReadOnlyDictionary<string, double> analyzerCpuMs = new Dictionary<string, double>();
            if (measureAllocations)
            {
                // As many counting passes as timed ones, medians per analyzer: a callback that happens to wait for a
                // collection (or spin while one finishes) moves a single pass's figure by tens of milliseconds.
                _log.WriteLine($"  counting each analyzer's own allocations and CPU time ({runs} extra pass(es)) ...");
                var allocatedRuns = new List<IReadOnlyDictionary<string, double>>();
                var cpuRuns = new List<IReadOnlyDictionary<string, double>>();
                for (var run = 0; run < runs; run++)
                {
                    var (allocated, cpu) = await CountAllocationsAsync(trees, additionalFiles).ConfigureAwait(false);
                    allocatedRuns.Add(allocated);
                    cpuRuns.Add(cpu);
                }

                allocatedKb = MedianPerKey(allocatedRuns);
                analyzerCpuMs = MedianPerKey(cpuRuns);
            }

            return new SizeMeasurement(
                size, lines, Median(compileMs), Median(wallMs), Median(gcPauseMs), Median(allocatedMb),
                analyzerMs.ToDictionary(pair => pair.Key, pair => Median(pair.Value), StringComparer.Ordinal),
                counts, allocatedKb, input.AdditionalFiles.Length, input.AdditionalBytes, Median(compileCpuMs), analyzerCpuMs);
        }

        /// <summary>
        /// Appends the last run's diagnostics to the <c>--list-diagnostics</c> file, sorted by file and line, with the
        /// source line each one points at: a rule's cost is only worth reading next to what it reported.
        /// </summary>
        private void WriteDiagnosticsList(int size)
        {
            if (_diagnosticsListPath is null)
            {
                return;
            }

            var lines = _lastDiagnostics
                .Select(d => (Diagnostic: d, Span: d.Location.GetLineSpan()))
                .OrderBy(p => p.Span.Path, StringComparer.Ordinal)
                .ThenBy(p => p.Span.StartLinePosition.Line)
                .ThenBy(p => p.Diagnostic.Id, StringComparer.Ordinal)
                .Select(p =>
                {
                    var tree = p.Diagnostic.Location.SourceTree;
                    var source = tree is null ? string.Empty : tree.GetText().Lines[p.Span.StartLinePosition.Line].ToString().Trim();
                    return $"{size}\t{p.Diagnostic.Id}\t{p.Span.Path}:{p.Span.StartLinePosition.Line + 1}\t{p.Diagnostic.GetMessage()}\t{source}";
                });
            File.AppendAllLines(_diagnosticsListPath, lines);
        }

        private double TimeCompile(ImmutableArray<SyntaxTree> trees, out ImmutableArray<Diagnostic> diagnostics, out double cpuMs)
        {
            var fresh = Reparsed(trees);
            Settle();
            var compilation = GeneratedCompilation.Create(fresh, _concurrent);
            var cpuBefore = ThreadCpuTime.NowNanoseconds();
            var stopwatch = Stopwatch.StartNew();
            diagnostics = compilation.GetDiagnostics();
            var wall = stopwatch.Elapsed.TotalMilliseconds;
            cpuMs = (ThreadCpuTime.NowNanoseconds() - cpuBefore) / 1e6;
            return wall;
        }

        private async Task<(double WallMs, double GcPauseMs, double AllocatedMb, IReadOnlyList<(string Name, double Ms)> PerAnalyzer, IReadOnlyDictionary<string, int> Counts)> TimeAnalysisAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<AdditionalText> additionalFiles)
        {
            var fresh = Reparsed(trees);
            var analyzers = _createAnalyzers();
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles),
                (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: _concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = WithDeclarations(GeneratedCompilation.Create(fresh, _concurrent)).WithAnalyzers(analyzers, options);
            Settle();

            var pauseBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            var wall = stopwatch.Elapsed.TotalMilliseconds;
            var gcPause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;

            var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);
            _log.WriteLine($"    pass: {wall:N0} ms wall, {gcPause:N0} ms GC pauses, {allocatedMb:N0} MB allocated, collections gen0/1/2: " +
                $"{GC.CollectionCount(0) - collectionsBefore.Item1}/{GC.CollectionCount(1) - collectionsBefore.Item2}/{GC.CollectionCount(2) - collectionsBefore.Item3}");

            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).Concat(exceptions).ToList();
            if (crashes.Count > 0)
            {
                throw new InvalidOperationException("An analyzer threw (AD0001):" + Environment.NewLine + string.Join(Environment.NewLine, crashes.Take(5)));
            }

            var perAnalyzer = new List<(string, double)>();
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                perAnalyzer.Add((AnalyzerSet.DisplayName(analyzer), telemetry.ExecutionTime.TotalMilliseconds));
            }

            _lastDiagnostics = diagnostics;
            var counts = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return (wall, gcPause, allocatedMb, perAnalyzer, counts);
        }

        /// <summary>
        /// One untimed pass with every analyzer wrapped in an <see cref="AllocationMeter"/>: KB each analyzer's own
        /// callbacks allocated, keyed like the time figures.
        /// </summary>
        private async Task<(IReadOnlyDictionary<string, double> AllocatedKb, IReadOnlyDictionary<string, double> CpuMs)> CountAllocationsAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<AdditionalText> additionalFiles)
        {
            var fresh = Reparsed(trees);
            var meters = _createAnalyzers().Select(analyzer => new AllocationMeter(analyzer)).ToImmutableArray();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles), onAnalyzerException: null, concurrentAnalysis: _concurrent, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
            var withAnalyzers = WithDeclarations(GeneratedCompilation.Create(fresh, _concurrent)).WithAnalyzers(meters.CastArray<DiagnosticAnalyzer>(), options);
            Settle();
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            var overhead = AllocationMeter.CalibrateOverheadNanoseconds();
            if (_byAction)
            {
                foreach (var meter in meters)
                {
                    foreach (var tally in meter.Tallies.Where(t => t.Calls > 0).OrderByDescending(t => t.CpuNanoseconds))
                    {
                        _log.WriteLine($"    {AnalyzerSet.DisplayName(meter.Inner)}.{tally.Name}: {tally.Calls:N0} calls, " +
                            $"{Math.Max(0, tally.CpuNanoseconds - tally.Calls * overhead) / 1e6:N1} ms CPU ({tally.CpuNanoseconds / 1e6:N1} ms before the measuring cost)");
                    }
                }
            }
            return (
                meters.ToDictionary(meter => AnalyzerSet.DisplayName(meter.Inner), meter => meter.Bytes / 1024.0, StringComparer.Ordinal),
                ThreadCpuTime.IsAvailable
                    ? meters.ToDictionary(meter => AnalyzerSet.DisplayName(meter.Inner), meter => Math.Max(0, meter.CpuNanoseconds - meter.Calls * overhead) / 1e6, StringComparer.Ordinal)
                    : new Dictionary<string, double>());
        }

        private void ThrowOnCompilerErrors(ImmutableArray<Diagnostic> diagnostics)
        {
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0)
            {
                return;
            }

            // Generated code that does not compile would measure error recovery, not a real codebase.
            throw new InvalidOperationException($"The generated code has {errors.Count} compiler errors, e.g.:{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Take(10)));
        }

        /// <summary>Collect garbage left by the previous run so it is not charged to the next one.</summary>
        /// <summary>
        /// The same code, parsed again: every measured pass starts from trees no earlier pass has touched, as a
        /// build does. Reusing the trees would hand later passes the red nodes an earlier pass realised and every
        /// per-tree cache an analyzer keeps (the shared literal scan is one), so the first run would pay for the
        /// rest and a median of runs would leave that work out. Parsing happens before the clock starts.
        /// </summary>
        private static ImmutableArray<SyntaxTree> Reparsed(ImmutableArray<SyntaxTree> trees) =>
            trees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath)).ToImmutableArray();

        /// <summary>
        /// Builds the compilation's declarations and binds its references (what <see cref="Compilation.Assembly"/>
        /// needs) before the analysis clock starts. The compiler does that work for any build; left to the
        /// analysis pass it lands in whichever analyzer first asks for a type by name in its compilation-start
        /// action (about 180 ms on 2,000 literal-dense files), a cost that grows with the code and is not the rule's.
        /// The compile figure, the denominator, still includes it.
        /// </summary>
        private static Compilation WithDeclarations(Compilation compilation)
        {
            _ = compilation.Assembly;
            return compilation;
        }

        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        private static IReadOnlyDictionary<string, double> MedianPerKey(List<IReadOnlyDictionary<string, double>> runs) =>
            runs[0].Keys.ToDictionary(key => key, key => Median(runs.Select(run => run.TryGetValue(key, out var value) ? value : 0).ToList()), StringComparer.Ordinal);

        private static double Median(List<double> values)
        {
            values.Sort();
            var middle = values.Count / 2;
            return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }
    }
}
