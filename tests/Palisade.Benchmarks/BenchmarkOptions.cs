using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Palisade.Benchmarks
{
    /// <summary>Command-line options; <see cref="Usage"/> documents every one.</summary>
    internal sealed class BenchmarkOptions
    {
        public const string Usage = """
            Palisade analyzer benchmark.

              dotnet run -c Release --project tests/Palisade.Benchmarks -- [options]

              --workload NAME         lob (line-of-business application, sizes in files), literals (literal-dense
                                      code plus configuration files as AdditionalFiles, sizes in files) or
                                      long-method (one method, sizes in statement groups)   [default lob]
              --sizes 250,1000,4000   sizes in the workload's unit (files of ~100 lines, or statement groups)
                                      [default 250,1000,4000; long-method 1000,4000]
              --no-allocations        skip the untimed pass that counts each analyzer's own allocations
              --runs N                measured runs per size; medians are reported          [default 3]
              --smoke                 one tiny size (40 files), one run: checks the harness works, not the figures
              --concurrent            concurrent compile and analysis (default: both single-threaded, so analyzer
                                      telemetry and compile time are the same kind of CPU-time figure)
              --with-samples          also run the harness's sample analyzers (not product rules), to see the harness
                                      work before any Palisade rule exists
              --only A,B              measure only these analyzers (type names), e.g. to profile one rule alone
              --seed N                generator seed                                        [default 20261123]
              --enforce-targets       exit code 2 when a target fails (default: report only)
              --markdown PATH         also write the tables to PATH
              --by-action             print each registered callback's calls and CPU time (counting pass), to see
                                      which action of a rule costs
              --list-diagnostics PATH write every diagnostic of each measured size to PATH (id, file:line,
                                      message, source line), to read what a rule reports on a workload

            MSBuild no-op build (needs the packed Palisade package):
              --msbuild-noop FEED     build a generated consumer project with the Palisade package from FEED (a folder
                                      holding the .nupkg), then time no-op incremental rebuilds with
                                      -clp:PerformanceSummary, against the same project without Palisade
              --package-id ID         package id                                            [default Palisade]
              --package-version V     package version                                       [default *-* = newest]
              --task-filter TEXT      tasks/targets whose names contain TEXT are Palisade's  [default Palisade]
              --noop-files N          files in the consumer project                         [default 250]
              --keep                  keep the consumer folder for inspection
            """;

        public IReadOnlyList<int>? ExplicitSizes { get; private set; }
        public IReadOnlyList<int> Sizes => ExplicitSizes ?? Workload.DefaultSizes;
        public Workload Workload { get; private set; } = Workload.LineOfBusiness;
        public bool MeasureAllocations { get; private set; } = true;
        public int Runs { get; private set; } = 3;
        public bool Concurrent { get; private set; }
        public bool WithSamples { get; private set; }
        public IReadOnlyList<string> Only { get; private set; } = Array.Empty<string>();
        public int Seed { get; private set; } = Palisade.Testing.Generator.CodebaseGenerator.DefaultSeed;
        public bool EnforceTargets { get; private set; }
        public string? MarkdownPath { get; private set; }
        public string? DiagnosticsListPath { get; private set; }
        public bool ByAction { get; private set; }
        public string? MsBuildNoOpFeed { get; private set; }
        public string PackageId { get; private set; } = "Palisade";
        public string PackageVersion { get; private set; } = "*-*";
        public string TaskFilter { get; private set; } = "Palisade";
        public int NoOpFiles { get; private set; } = 250;
        public bool Keep { get; private set; }
        public bool ShowHelp { get; private set; }

        public static BenchmarkOptions Parse(string[] args)
        {
            var options = new BenchmarkOptions();
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Number() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);

                switch (args[i])
                {
                    case "--sizes":
                        options.ExplicitSizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries)
                            .Select(s => int.Parse(s.Trim().Replace("_", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture))
                            .OrderBy(s => s)
                            .ToArray();
                        break;
                    case "--runs": options.Runs = Math.Max(1, Number()); break;
                    case "--workload": options.Workload = Workload.Find(Value()); break;
                    case "--no-allocations": options.MeasureAllocations = false; break;
                    case "--smoke": options.ExplicitSizes = new[] { 40 }; options.Runs = 1; break;
                    case "--concurrent": options.Concurrent = true; break;
                    case "--with-samples": options.WithSamples = true; break;
                    case "--only":
                        options.Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "--seed": options.Seed = Number(); break;
                    case "--enforce-targets": options.EnforceTargets = true; break;
                    case "--markdown": options.MarkdownPath = Value(); break;
                    case "--list-diagnostics": options.DiagnosticsListPath = Value(); break;
                    case "--by-action": options.ByAction = true; break;
                    case "--msbuild-noop": options.MsBuildNoOpFeed = Value(); break;
                    case "--package-id": options.PackageId = Value(); break;
                    case "--package-version": options.PackageVersion = Value(); break;
                    case "--task-filter": options.TaskFilter = Value(); break;
                    case "--noop-files": options.NoOpFiles = Number(); break;
                    case "--keep": options.Keep = true; break;
                    case "-h":
                    case "--help": options.ShowHelp = true; break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            return options;
        }
    }
}
