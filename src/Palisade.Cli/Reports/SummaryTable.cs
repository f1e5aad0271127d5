using System.Collections.Generic;
using System.Linq;
using Palisade.Cli.Scanning;
using Spectre.Console;

namespace Palisade.Cli.Reports
{
    /// <summary>The end of every scan: one row per rule with its counts by severity, baselined findings apart.</summary>
    internal static class SummaryTable
    {
        public static Table Create(IReadOnlyList<Finding> findings)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Palisade findings by rule and severity");
            table.AddColumn("Rule");
            table.AddColumn("Title");
            table.AddColumn(new TableColumn("Error").RightAligned());
            table.AddColumn(new TableColumn("Warning").RightAligned());
            table.AddColumn(new TableColumn("Note").RightAligned());
            table.AddColumn(new TableColumn("Baselined").RightAligned());
            foreach (var rule in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                table.AddRow(
                    Markup.Escape(rule.Key),
                    Markup.Escape(RuleCatalog.Describe(rule.Key).Title),
                    Cell(rule, FindingSeverity.Error, "red"),
                    Cell(rule, FindingSeverity.Warning, "yellow"),
                    Cell(rule, FindingSeverity.Note, "blue"),
                    rule.Count(f => f.Baselined).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            table.AddRow(
                "[bold]Total[/]",
                string.Empty,
                Cell(findings, FindingSeverity.Error, "red"),
                Cell(findings, FindingSeverity.Warning, "yellow"),
                Cell(findings, FindingSeverity.Note, "blue"),
                findings.Count(f => f.Baselined).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return table;
        }

        private static string Cell(IEnumerable<Finding> findings, FindingSeverity severity, string colour)
        {
            int count = findings.Count(f => !f.Baselined && f.Severity == severity);
            return count == 0 ? "0" : $"[{colour}]{count}[/]";
        }
    }
}
