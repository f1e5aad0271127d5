using System.Collections.Generic;

namespace Palisade.Benchmarks
{
    /// <summary>The medians measured for one generated size.</summary>
    internal sealed class SizeMeasurement
    {
        public SizeMeasurement(int files, int lines, double compileMs, double analysisWallMs, double analysisGcPauseMs, double analysisAllocatedMb,
            IReadOnlyDictionary<string, double> analyzerMs, IReadOnlyDictionary<string, int> diagnosticCounts,
            IReadOnlyDictionary<string, double> analyzerAllocatedKb, int additionalFiles, long additionalBytes,
            double compileCpuMs, IReadOnlyDictionary<string, double> analyzerCpuMs)
        {
            CompileCpuMs = compileCpuMs;
            AnalyzerCpuMs = analyzerCpuMs;
            Files = files;
            AnalyzerAllocatedKb = analyzerAllocatedKb;
            AdditionalFiles = additionalFiles;
            AdditionalBytes = additionalBytes;
            Lines = lines;
            CompileMs = compileMs;
            AnalysisWallMs = analysisWallMs;
            AnalysisGcPauseMs = analysisGcPauseMs;
            AnalysisAllocatedMb = analysisAllocatedMb;
            AnalyzerMs = analyzerMs;
            DiagnosticCounts = diagnosticCounts;
        }

        /// <summary>The size in the workload's unit: files, or statement groups for the long method.</summary>
        public int Files { get; }

        /// <summary>KB allocated by each analyzer's own callbacks in one untimed pass (empty when not counted).</summary>
        public IReadOnlyDictionary<string, double> AnalyzerAllocatedKb { get; }

        /// <summary>
        /// Median thread CPU time of the compile (single-threaded mode only; 0 when unavailable): the denominator of
        /// the CPU-time view, which waiting for a core on a busy machine does not inflate.
        /// </summary>
        public double CompileCpuMs { get; }

        /// <summary>Thread CPU ms inside each analyzer's callbacks in the untimed pass, measuring overhead subtracted.</summary>
        public IReadOnlyDictionary<string, double> AnalyzerCpuMs { get; }

        /// <summary>How many configuration files were passed as AdditionalFiles, and their total size.</summary>
        public int AdditionalFiles { get; }

        public long AdditionalBytes { get; }

        public int Lines { get; }

        /// <summary>Median time of <c>Compilation.GetDiagnostics()</c> on a fresh compilation: the compiler's own binding.</summary>
        public double CompileMs { get; }

        /// <summary>Median wall time of a whole analysis pass (binding, driver and analyzers); for context only.</summary>
        public double AnalysisWallMs { get; }

        /// <summary>
        /// Median GC pause time during the analysis pass. Telemetry charges a pause to whichever analyzer was running,
        /// so when this is large compared with an analyzer's figure, that figure is partly the heap's size, not the rule.
        /// </summary>
        public double AnalysisGcPauseMs { get; }

        /// <summary>
        /// Median MB allocated (all threads) during the analysis pass: the driver's binding plus the analyzers'.
        /// Run with <c>--only</c> one analyzer and compare with another to see what a rule allocates; per 1k lines
        /// it must stay flat across sizes like the times.
        /// </summary>
        public double AnalysisAllocatedMb { get; }

        /// <summary>Median execution time per analyzer, as the driver's telemetry reports it.</summary>
        public IReadOnlyDictionary<string, double> AnalyzerMs { get; }

        /// <summary>How many diagnostics of each id the analyzers reported (shows they actually found things).</summary>
        public IReadOnlyDictionary<string, int> DiagnosticCounts { get; }

        public double PerThousandLines(double ms) => ms * 1000.0 / Lines;
    }
}
