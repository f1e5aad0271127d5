using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Palisade.Testing.Generator;

namespace Palisade.Benchmarks
{
    /// <summary>
    /// What Palisade adds to a no-op incremental build (nothing changed, so the compiler does not run and any
    /// MSBuild task of ours is most of what is left). Builds the same generated consumer project twice, without and
    /// with the Palisade package from a local feed, then times repeated no-op builds with
    /// <c>-clp:PerformanceSummary</c> and reports the Palisade tasks and targets.
    /// </summary>
    /// <remarks>
    /// The consumer restores into a private NUGET_PACKAGES folder so a stale Palisade package in the machine cache can
    /// never be measured; the other packages come from the machine's global packages folder used as a local feed,
    /// so nothing is downloaded.
    /// </remarks>
    internal sealed class MsBuildNoOpBenchmark
    {
        private static readonly string[] LibraryPackages =
        {
            "Microsoft.Data.SqlClient", "Npgsql", "Microsoft.Data.Sqlite", "Dapper", "Microsoft.EntityFrameworkCore.Relational",
            "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Extensions.Logging", "Microsoft.Extensions.Configuration.Abstractions",
            "Serilog", "NLog", "log4net",
        };

        private static readonly Regex SummaryLine = new Regex(@"^\s*(\d+) ms\s+(.+?)\s+(\d+) calls", RegexOptions.Compiled);

        private readonly BenchmarkOptions _options;
        private readonly TextWriter _log;

        public MsBuildNoOpBenchmark(BenchmarkOptions options, TextWriter log)
        {
            _options = options;
            _log = log;
        }

        public int Run()
        {
            var feed = Path.GetFullPath(_options.MsBuildNoOpFeed!);
            if (!Directory.Exists(feed) || !Directory.EnumerateFiles(feed, "*.nupkg").Any())
            {
                _log.WriteLine($"The feed folder '{feed}' holds no .nupkg. Pack Palisade first (see docs/benchmarks.md).");
                return 1;
            }

            var root = Path.Combine(Path.GetTempPath(), "palisade-noop-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(root);
            _log.WriteLine($"Consumer projects in {root}");
            try
            {
                var versions = ReadLibraryVersions();
                var baseline = Measure(root, "without-palisade", feed, versions, withPalisade: false);
                var palisade = Measure(root, "with-palisade", feed, versions, withPalisade: true);
                if (baseline is null || palisade is null)
                {
                    return 1;
                }

                Print(baseline, palisade);
                return 0;
            }
            finally
            {
                if (!_options.Keep)
                {
                    TryDelete(root);
                }
            }
        }

        private sealed record NoOpResult(string Name, double FirstBuildMs, double NoOpMedianMs, double PalisadeTasksMs, double PalisadeTargetsMs,
            bool CompilerRanOnNoOp, IReadOnlyList<(string Name, double Ms)> TopTasks, IReadOnlyCollection<string> PalisadeNames);

        private NoOpResult? Measure(string root, string name, string feed, IReadOnlyDictionary<string, string> versions, bool withPalisade)
        {
            var directory = Path.Combine(root, name);
            WriteConsumer(directory, feed, versions, withPalisade);
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };

            _log.WriteLine($"[{name}] first build (restore + compile) ...");
            var first = RunDotnet(directory, environment, "build", "-c", "Release", "-nologo", "-tl:off", "-v:m");
            if (first.ExitCode != 0)
            {
                _log.WriteLine($"[{name}] the first build failed:{Environment.NewLine}{Tail(first.Output, 40)}");
                return null;
            }

            var noOpMs = new List<double>();
            var taskMs = new List<double>();
            var targetMs = new List<double>();
            var compilerRan = false;
            var palisadeNames = new SortedSet<string>(StringComparer.Ordinal);
            IReadOnlyList<(string, double)> topTasks = Array.Empty<(string, double)>();
            for (var run = 0; run < _options.Runs; run++)
            {
                _log.WriteLine($"[{name}] no-op build {run + 1}/{_options.Runs} ...");
                var noOp = RunDotnet(directory, environment, "build", "-c", "Release", "--no-restore", "-nologo", "-tl:off", "-v:m", "-clp:PerformanceSummary");
                if (noOp.ExitCode != 0)
                {
                    _log.WriteLine($"[{name}] the no-op build failed:{Environment.NewLine}{Tail(noOp.Output, 40)}");
                    return null;
                }

                var tasks = ParseSection(noOp.Output, "Task Performance Summary:");
                var targets = ParseSection(noOp.Output, "Target Performance Summary:");
                noOpMs.Add(noOp.ElapsedMs);
                taskMs.Add(tasks.Where(t => IsPalisade(t.Name)).Sum(t => t.Ms));
                targetMs.Add(targets.Where(t => IsPalisade(t.Name)).Sum(t => t.Ms));
                compilerRan |= tasks.Any(t => t.Name == "Csc");
                palisadeNames.UnionWith(tasks.Concat(targets).Select(t => t.Name).Where(IsPalisade));
                topTasks = tasks.OrderByDescending(t => t.Ms).Take(5).ToList();
            }

            return new NoOpResult(name, first.ElapsedMs, Median(noOpMs), Median(taskMs), Median(targetMs), compilerRan, topTasks, palisadeNames);
        }

        private bool IsPalisade(string name) => name.IndexOf(_options.TaskFilter, StringComparison.OrdinalIgnoreCase) >= 0;

        private void Print(NoOpResult baseline, NoOpResult palisade)
        {
            _log.WriteLine();
            _log.WriteLine($"### No-op incremental build ({_options.NoOpFiles} files, median of {_options.Runs})");
            _log.WriteLine();
            _log.WriteLine("| Consumer | First build ms | No-op build ms | Palisade tasks ms | Palisade targets ms | Csc ran on no-op | Palisade tasks/targets seen | Top tasks |");
            _log.WriteLine("|---|---:|---:|---:|---:|---|---|---|");
            foreach (var result in new[] { baseline, palisade })
            {
                var top = string.Join(", ", result.TopTasks.Select(t => $"{t.Name} {t.Ms:N0}"));
                _log.WriteLine($"| {result.Name} | {result.FirstBuildMs:N0} | {result.NoOpMedianMs:N0} | {result.PalisadeTasksMs:N0} | {result.PalisadeTargetsMs:N0} | {(result.CompilerRanOnNoOp ? "yes (not incremental!)" : "no")} | {(result.PalisadeNames.Count == 0 ? "none" : string.Join(", ", result.PalisadeNames))} | {top} |");
            }

            _log.WriteLine();
            _log.WriteLine($"Palisade adds {palisade.NoOpMedianMs - baseline.NoOpMedianMs:N0} ms wall to a no-op build; its own tasks take {palisade.PalisadeTasksMs:N0} ms.");
        }

        private void WriteConsumer(string directory, string feed, IReadOnlyDictionary<string, string> versions, bool withPalisade)
        {
            Directory.CreateDirectory(directory);
            foreach (var file in CodebaseGenerator.Generate(_options.NoOpFiles, _options.Seed))
            {
                var path = Path.Combine(directory, "src", file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            var references = LibraryPackages
                .Where(versions.ContainsKey)
                .Select(id => new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", versions[id])))
                .ToList();
            if (withPalisade)
            {
                references.Add(new XElement("PackageReference", new XAttribute("Include", _options.PackageId), new XAttribute("Version", _options.PackageVersion)));
            }

            var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
                new XElement("PropertyGroup",
                    new XElement("TargetFramework", "net10.0"),
                    new XElement("Nullable", "enable"),
                    new XElement("AllowUnsafeBlocks", "true"),
                    new XElement("ImplicitUsings", "disable"),
                    new XElement("NoWarn", "$(NoWarn);CS8600;CS8601;CS8602;CS8603;CS8604;NU1603")),
                new XElement("ItemGroup", references));
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), project.ToString());

            // Keep the consumer independent of whatever folder the temp directory lives under.
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "SECURITY.md"), SecurityPolicy);
            File.WriteAllText(Path.Combine(directory, "nuget.config"), new XElement("configuration",
                new XElement("packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", "palisade"), new XAttribute("value", feed)),
                    new XElement("add", new XAttribute("key", "machine-cache"), new XAttribute("value", MachinePackagesFolder())))).ToString());
        }

        /// <summary>A plausible policy so the build gate has something to read; the lead may swap in a fixture.</summary>
        private const string SecurityPolicy = """
            # Security Policy

            ## Supported Versions

            | Version | Supported |
            |---------|-----------|
            | 1.x     | yes       |

            ## Reporting a Vulnerability

            Email security@contoso.example. We answer within 3 working days.
            """;

        private static string MachinePackagesFolder() =>
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        /// <summary>The pinned versions from the repository's Directory.Packages.props, so the consumer restores offline.</summary>
        private static IReadOnlyDictionary<string, string> ReadLibraryVersions()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var props = Path.Combine(directory.FullName, "Directory.Packages.props");
                if (File.Exists(props))
                {
                    return XDocument.Load(props).Descendants("PackageVersion")
                        .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
                        .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);
                }
            }

            throw new InvalidOperationException("Directory.Packages.props not found above " + AppContext.BaseDirectory);
        }

        private static List<(string Name, double Ms)> ParseSection(string output, string header)
        {
            var result = new List<(string, double)>();
            var inSection = false;
            foreach (var line in output.Split('\n'))
            {
                if (line.Contains(header, StringComparison.Ordinal))
                {
                    inSection = true;
                    continue;
                }

                if (!inSection)
                {
                    continue;
                }

                var match = SummaryLine.Match(line);
                if (match.Success)
                {
                    result.Add((match.Groups[2].Value.Trim(), double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)));
                }
                else if (line.Trim().Length > 0)
                {
                    break;
                }
            }

            return result;
        }

        private static (int ExitCode, string Output, double ElapsedMs) RunDotnet(string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result, stopwatch.Elapsed.TotalMilliseconds);
        }

        private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

        private static double Median(List<double> values)
        {
            values.Sort();
            var middle = values.Count / 2;
            return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }

        private static void TryDelete(string directory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the folder is in temp and harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
