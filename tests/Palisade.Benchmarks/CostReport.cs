using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Palisade.Benchmarks
{
    /// <summary>
    /// Turns the measurements into markdown tables and checks the targets: all analyzers together at most 10% of
    /// compile time on the largest size, no single analyzer above 3%, and linear growth (cost per 1k lines on the
    /// each size at most <see cref="LinearSlack"/> times the cost on the size before it).
    /// </summary>
    internal sealed class CostReport
    {
        public const double TotalBudgetPercent = 10.0;
        public const double SingleBudgetPercent = 3.0;

        /// <summary>How much the per-1k-lines cost may rise from one size to the next and still count as linear.</summary>
        public const double LinearSlack = 1.5;

        /// <summary>Below this many ms on the larger size of a step a growth ratio is timer noise, so it is not judged.</summary>
        public const double GrowthNoiseFloorMs = 20.0;

        private readonly IReadOnlyList<SizeMeasurement> _sizes;
        private readonly IReadOnlyList<string> _analyzers;

        private readonly string _unit;

        public CostReport(IReadOnlyList<SizeMeasurement> sizes, string unit = "files")
        {
            _unit = unit;
            _sizes = sizes.OrderBy(s => s.Files).ToList();
            _analyzers = _sizes.SelectMany(s => s.AnalyzerMs.Keys).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        }

        public List<(string Target, bool Pass, string Detail)> Targets { get; } = new();

        public bool AllTargetsPass => Targets.All(t => t.Pass);

        public string Render()
        {
            var text = new StringBuilder();
            RenderOverview(text);
            RenderPerAnalyzer(text);
            RenderAllocations(text);
            RenderCpu(text);
            RenderDiagnostics(text);
            EvaluateTargets();
            text.AppendLine("### Targets").AppendLine();
            text.AppendLine("| Target | Result | Measured |").AppendLine("|---|---|---|");
            foreach (var (target, pass, detail) in Targets)
            {
                text.AppendLine($"| {target} | {(pass ? "PASS" : "FAIL")} | {detail} |");
            }

            return text.ToString();
        }

        private double Total(SizeMeasurement size) => size.AnalyzerMs.Values.Sum();

        private static string Ms(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture);

        private static string Ms1(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture);

        private static string Percent(double part, double whole) => whole <= 0 ? "n/a" : (100.0 * part / whole).ToString("N2", CultureInfo.InvariantCulture) + "%";

        private void RenderOverview(StringBuilder text)
        {
            text.AppendLine("### Compile time and total analyzer cost").AppendLine();
            text.AppendLine($"| {Capitalised(_unit)} | Lines | Compile ms | Compile ms/1k lines | Analyzers ms | Analyzers ms/1k lines | Analyzers / compile | Analysis pass wall ms | GC pauses in analysis pass ms | Allocated in analysis pass MB/1k lines |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var size in _sizes)
            {
                var total = Total(size);
                text.AppendLine($"| {size.Files:N0} | {size.Lines:N0} | {Ms(size.CompileMs)} | {Ms1(size.PerThousandLines(size.CompileMs))} | {Ms1(total)} | {Ms1(size.PerThousandLines(total))} | {Percent(total, size.CompileMs)} | {Ms(size.AnalysisWallMs)} | {Ms(size.AnalysisGcPauseMs)} | {Ms1(size.PerThousandLines(size.AnalysisAllocatedMb))} |");
            }

            text.AppendLine();
        }

        private void RenderPerAnalyzer(StringBuilder text)
        {
            text.AppendLine("### Per analyzer: ms (% of compile) and ms per 1k lines").AppendLine();
            text.Append("| Analyzer |");
            foreach (var size in _sizes)
            {
                text.Append($" {size.Files:N0} {_unit} | ms/1k lines |");
            }

            text.AppendLine(" Growth per size step (per 1k lines) |");
            text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|---:|", _sizes.Count))).AppendLine("---:|");
            if (_analyzers.Count == 0)
            {
                text.AppendLine("| (no analyzers found: no Palisade rule is built into Palisade.Analyzers yet; try --with-samples) |");
            }

            foreach (var name in _analyzers)
            {
                text.Append($"| {name} |");
                foreach (var size in _sizes)
                {
                    var ms = size.AnalyzerMs.TryGetValue(name, out var value) ? value : 0;
                    text.Append($" {Ms1(ms)} ({Percent(ms, size.CompileMs)}) | {Ms1(size.PerThousandLines(ms))} |");
                }

                text.AppendLine($" {Growth(size => size.AnalyzerMs.TryGetValue(name, out var v) ? v : 0)} |");
            }

            text.AppendLine();
        }

        /// <summary>KB each analyzer's own callbacks allocated per 1k lines (one untimed, wrapped pass per size).</summary>
        private void RenderAllocations(StringBuilder text)
        {
            if (_sizes.All(size => size.AnalyzerAllocatedKb.Count == 0))
            {
                return;
            }

            text.AppendLine("### Per analyzer: KB allocated by its own callbacks per 1k lines").AppendLine();
            text.Append("| Analyzer |");
            foreach (var size in _sizes)
            {
                text.Append($" {size.Files:N0} {_unit} |");
            }

            text.AppendLine().Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", _sizes.Count))).AppendLine();
            foreach (var name in _analyzers)
            {
                text.Append($"| {name} |");
                foreach (var size in _sizes)
                {
                    text.Append(size.AnalyzerAllocatedKb.TryGetValue(name, out var kb) ? $" {Ms1(size.PerThousandLines(kb))} |" : " n/a |");
                }

                text.AppendLine();
            }

            text.AppendLine();
        }

        /// <summary>
        /// The same comparison in thread CPU time: compile CPU against each analyzer's callback CPU, both free of the
        /// time spent waiting for a core, so a busy machine distorts it far less than the wall-clock telemetry.
        /// </summary>
        private void RenderCpu(StringBuilder text)
        {
            if (_sizes.All(size => size.AnalyzerCpuMs.Count == 0 || size.CompileCpuMs <= 0))
            {
                return;
            }

            text.AppendLine("### CPU-time view: thread CPU ms (% of compile CPU), from the untimed counting pass").AppendLine();
            text.Append("| Analyzer |");
            foreach (var size in _sizes)
            {
                text.Append($" {size.Files:N0} {_unit} | ms/1k lines |");
            }

            text.AppendLine().Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|---:|", _sizes.Count))).AppendLine();
            text.Append("| (compile, CPU ms) |");
            foreach (var size in _sizes)
            {
                text.Append($" {Ms(size.CompileCpuMs)} | {Ms1(size.PerThousandLines(size.CompileCpuMs))} |");
            }

            text.AppendLine();
            foreach (var name in _analyzers.Append("(all analyzers)"))
            {
                text.Append($"| {name} |");
                foreach (var size in _sizes)
                {
                    var ms = name == "(all analyzers)" ? size.AnalyzerCpuMs.Values.Sum() : size.AnalyzerCpuMs.TryGetValue(name, out var v) ? v : 0;
                    text.Append($" {Ms1(ms)} ({Percent(ms, size.CompileCpuMs)}) | {Ms1(size.PerThousandLines(ms))} |");
                }

                text.AppendLine();
            }

            text.AppendLine();
        }

        private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private void RenderDiagnostics(StringBuilder text)
        {
            var largest = _sizes[^1];
            if (largest.AdditionalFiles > 0)
            {
                text.AppendLine($"Configuration files passed as AdditionalFiles on the largest size: {largest.AdditionalFiles:N0} ({largest.AdditionalBytes / 1024.0:N0} KB).").AppendLine();
            }

            text.AppendLine($"Diagnostics reported on the largest size ({largest.Files:N0} {_unit}): "
                + (largest.DiagnosticCounts.Count == 0 ? "none" : string.Join(", ", largest.DiagnosticCounts.OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value:N0}"))));
            text.AppendLine();
        }

        /// <summary>Per-1k-lines cost ratio of each size to the previous one, e.g. "0.31x, 1.12x"; ~1.0x per step is linear.</summary>
        private string Growth(Func<SizeMeasurement, double> ms)
        {
            if (_sizes.Count < 2)
            {
                return "n/a (one size)";
            }

            return string.Join(", ", Steps(ms).Select(step => step is { } ratio ? ratio.ToString("N2", CultureInfo.InvariantCulture) + "x" : "n/a"));
        }

        /// <summary>For each pair of consecutive sizes, larger per-1k-lines cost over smaller (null when the smaller is zero).</summary>
        private IEnumerable<double?> Steps(Func<SizeMeasurement, double> ms)
        {
            for (var i = 1; i < _sizes.Count; i++)
            {
                var before = _sizes[i - 1].PerThousandLines(ms(_sizes[i - 1]));
                var after = _sizes[i].PerThousandLines(ms(_sizes[i]));
                yield return before > 0 ? after / before : null;
            }
        }

        /// <summary>The worst step, judged only where the larger size costs at least the noise floor.</summary>
        private double WorstStep(Func<SizeMeasurement, double> ms)
        {
            var worst = 0.0;
            var index = 1;
            foreach (var step in Steps(ms))
            {
                if (step is { } ratio && ms(_sizes[index]) >= GrowthNoiseFloorMs)
                {
                    worst = Math.Max(worst, ratio);
                }

                index++;
            }

            return worst;
        }

        private void EvaluateTargets()
        {
            Targets.Clear();
            var largest = _sizes[^1];
            var total = Total(largest);
            Targets.Add(($"All analyzers together <= {TotalBudgetPercent}% of compile ({largest.Files:N0} {_unit})",
                100.0 * total / largest.CompileMs <= TotalBudgetPercent,
                $"{Ms1(total)} ms of {Ms(largest.CompileMs)} ms = {Percent(total, largest.CompileMs)}"));

            var worst = largest.AnalyzerMs.OrderByDescending(p => p.Value).FirstOrDefault();
            Targets.Add(($"No single analyzer > {SingleBudgetPercent}% of compile ({largest.Files:N0} {_unit})",
                worst.Key is null || 100.0 * worst.Value / largest.CompileMs <= SingleBudgetPercent,
                worst.Key is null ? "no analyzers" : $"highest: {worst.Key} {Ms1(worst.Value)} ms = {Percent(worst.Value, largest.CompileMs)}"));

            if (_sizes.Count < 2)
            {
                Targets.Add(("Linear growth", true, "not judged: give at least two sizes"));
                return;
            }

            var nonLinear = new List<string>();
            foreach (var name in _analyzers)
            {
                var worstStep = WorstStep(size => size.AnalyzerMs.TryGetValue(name, out var v) ? v : 0);
                if (worstStep > LinearSlack)
                {
                    nonLinear.Add($"{name} {worstStep.ToString("N2", CultureInfo.InvariantCulture)}x");
                }
            }

            var totalWorst = WorstStep(Total);
            Targets.Add(($"Linear growth (per-1k-lines cost rises at most {LinearSlack}x from one size to the next)",
                totalWorst <= LinearSlack && nonLinear.Count == 0,
                $"total per step {Growth(Total)}" + (nonLinear.Count == 0 ? string.Empty : "; super-linear: " + string.Join(", ", nonLinear))));
        }
    }
}
