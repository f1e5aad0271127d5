using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Palisade.Benchmarks
{
    /// <summary>
    /// Turns the measurements into markdown tables and checks the targets: all analyzers together at most 10% of
    /// compile time on the largest size, no single analyzer above 4%, and linear growth (cost per 1k lines on the
    /// largest size at most <see cref="LinearSlack"/> times the cost on the smallest).
    /// </summary>
    internal sealed class CostReport
    {
        public const double TotalBudgetPercent = 10.0;
        public const double SingleBudgetPercent = 4.0;

        /// <summary>How much the per-1k-lines cost may rise from the smallest to the largest size and still count as linear.</summary>
        public const double LinearSlack = 1.5;

        /// <summary>Below this many ms on the largest size a growth ratio is timer noise, so it is not judged.</summary>
        public const double GrowthNoiseFloorMs = 20.0;

        private readonly IReadOnlyList<SizeMeasurement> _sizes;
        private readonly IReadOnlyList<string> _analyzers;

        public CostReport(IReadOnlyList<SizeMeasurement> sizes)
        {
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
            text.AppendLine("| Files | Lines | Compile ms | Compile ms/1k lines | Analyzers ms | Analyzers ms/1k lines | Analyzers / compile | Analysis pass wall ms |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var size in _sizes)
            {
                var total = Total(size);
                text.AppendLine($"| {size.Files:N0} | {size.Lines:N0} | {Ms(size.CompileMs)} | {Ms1(size.PerThousandLines(size.CompileMs))} | {Ms1(total)} | {Ms1(size.PerThousandLines(total))} | {Percent(total, size.CompileMs)} | {Ms(size.AnalysisWallMs)} |");
            }

            text.AppendLine();
        }

        private void RenderPerAnalyzer(StringBuilder text)
        {
            text.AppendLine("### Per analyzer: ms (% of compile) and ms per 1k lines").AppendLine();
            text.Append("| Analyzer |");
            foreach (var size in _sizes)
            {
                text.Append($" {size.Files:N0} files | ms/1k lines |");
            }

            text.AppendLine(" Growth (largest/smallest per 1k lines) |");
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

        private void RenderDiagnostics(StringBuilder text)
        {
            var largest = _sizes[^1];
            text.AppendLine($"Diagnostics reported on the largest size ({largest.Files:N0} files): "
                + (largest.DiagnosticCounts.Count == 0 ? "none" : string.Join(", ", largest.DiagnosticCounts.OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value:N0}"))));
            text.AppendLine();
        }

        private string Growth(Func<SizeMeasurement, double> ms)
        {
            if (_sizes.Count < 2)
            {
                return "n/a (one size)";
            }

            var first = _sizes[0].PerThousandLines(ms(_sizes[0]));
            var last = _sizes[^1].PerThousandLines(ms(_sizes[^1]));
            return first <= 0 ? "n/a" : (last / first).ToString("N2", CultureInfo.InvariantCulture) + "x";
        }

        private void EvaluateTargets()
        {
            Targets.Clear();
            var largest = _sizes[^1];
            var total = Total(largest);
            Targets.Add(($"All analyzers together <= {TotalBudgetPercent}% of compile ({largest.Files:N0} files)",
                100.0 * total / largest.CompileMs <= TotalBudgetPercent,
                $"{Ms1(total)} ms of {Ms(largest.CompileMs)} ms = {Percent(total, largest.CompileMs)}"));

            var worst = largest.AnalyzerMs.OrderByDescending(p => p.Value).FirstOrDefault();
            Targets.Add(($"No single analyzer > {SingleBudgetPercent}% of compile ({largest.Files:N0} files)",
                worst.Key is null || 100.0 * worst.Value / largest.CompileMs <= SingleBudgetPercent,
                worst.Key is null ? "no analyzers" : $"highest: {worst.Key} {Ms1(worst.Value)} ms = {Percent(worst.Value, largest.CompileMs)}"));

            if (_sizes.Count < 2)
            {
                Targets.Add(("Linear growth", true, "not judged: give at least two sizes"));
                return;
            }

            var smallest = _sizes[0];
            var nonLinear = new List<string>();
            foreach (var name in _analyzers)
            {
                var last = largest.AnalyzerMs.TryGetValue(name, out var l) ? l : 0;
                var first = smallest.AnalyzerMs.TryGetValue(name, out var f) ? f : 0;
                if (last >= GrowthNoiseFloorMs && first > 0 && largest.PerThousandLines(last) > LinearSlack * smallest.PerThousandLines(first))
                {
                    nonLinear.Add($"{name} {(largest.PerThousandLines(last) / smallest.PerThousandLines(first)).ToString("N2", CultureInfo.InvariantCulture)}x");
                }
            }

            var totalFirst = smallest.PerThousandLines(Total(smallest));
            var totalLast = largest.PerThousandLines(total);
            var totalLinear = total < GrowthNoiseFloorMs || totalFirst <= 0 || totalLast <= LinearSlack * totalFirst;
            Targets.Add(($"Linear growth (per-1k-lines cost rises at most {LinearSlack}x from {smallest.Files:N0} to {largest.Files:N0} files)",
                totalLinear && nonLinear.Count == 0,
                $"total {Growth(Total)}" + (nonLinear.Count == 0 ? string.Empty : "; super-linear: " + string.Join(", ", nonLinear))));
        }
    }
}
