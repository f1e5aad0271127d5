using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Palisade.Benchmarks
{
    /// <summary>Entry point: measure analyzer cost per size, print the tables, optionally time a no-op MSBuild build.</summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            BenchmarkOptions options;
            try
            {
                options = BenchmarkOptions.Parse(args);
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException)
            {
                Console.Error.WriteLine(exception.Message);
                Console.Error.WriteLine(BenchmarkOptions.Usage);
                return 1;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(BenchmarkOptions.Usage);
                return 0;
            }

            if (options.MsBuildNoOpFeed is not null)
            {
                return new MsBuildNoOpBenchmark(options, Console.Out).Run();
            }

            return await RunAnalyzerCostAsync(options).ConfigureAwait(false);
        }

        private static async Task<int> RunAnalyzerCostAsync(BenchmarkOptions options)
        {
            var analyzers = AnalyzerSet.Create(options.WithSamples, options.Only);
            Console.WriteLine($"Palisade analyzers found: {AnalyzerSet.ProductCount}. Measuring: {(analyzers.IsEmpty ? "(none)" : AnalyzerSet.Describe(analyzers))}");
            Console.WriteLine($"Workload: {options.Workload.Name} ({options.Workload.Description}), sizes {string.Join(", ", options.Sizes)} {options.Workload.SizeUnit}.");
            Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {(options.Concurrent ? "concurrent" : "single-threaded")} compile and analysis, median of {options.Runs} run(s).");
            if (!Stopwatch.IsHighResolution)
            {
                Console.WriteLine("Warning: no high-resolution timer.");
            }

            var benchmark = new AnalyzerCostBenchmark(() => AnalyzerSet.Create(options.WithSamples, options.Only), options.Concurrent, Console.Out, options.DiagnosticsListPath, options.ByAction);
            try
            {
                // One discarded pass on the smallest size so JIT and first-use costs are not charged to the first size.
                Console.WriteLine("Warm-up:");
                await benchmark.MeasureAsync(options.Workload, options.Sizes[0], options.Seed, runs: 1, measureAllocations: false).ConfigureAwait(false);

                var results = new List<SizeMeasurement>();
                foreach (var size in options.Sizes)
                {
                    Console.WriteLine($"Size {size}:");
                    results.Add(await benchmark.MeasureAsync(options.Workload, size, options.Seed, options.Runs, options.MeasureAllocations).ConfigureAwait(false));
                }

                var report = new CostReport(results, options.Workload.SizeUnit);
                var tables = report.Render();
                Console.WriteLine();
                Console.WriteLine(tables);
                if (options.MarkdownPath is not null)
                {
                    File.WriteAllText(options.MarkdownPath, tables);
                }

                return options.EnforceTargets && !report.AllTargetsPass ? 2 : 0;
            }
            catch (InvalidOperationException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 3;
            }
        }
    }
}
