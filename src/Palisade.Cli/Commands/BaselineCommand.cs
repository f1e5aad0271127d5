using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Palisade.Analyzers.Baseline;
using Palisade.Cli.Reports;
using Palisade.Cli.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Palisade.Cli.Commands
{
    /// <summary>
    /// palisade baseline: write today's analyzer findings to the baseline, or with --check list the entries whose
    /// findings are gone. SECURITY.md findings (PAL5xxx) come from the build task and are never baselined.
    /// </summary>
    internal sealed class BaselineCommand : AsyncCommand<BaselineSettings>
    {
        public const int StaleEntries = 1;

        public override async Task<int> ExecuteAsync(CommandContext context, BaselineSettings settings, CancellationToken cancellationToken)
        {
            try
            {
                ScanResult result = await Scanner.RunAsync(new ScanRequest(settings.Path, settings.Loose, CheckPolicy: false), Consoles.Progress, cancellationToken);
                string path = Path.GetFullPath(settings.Output ?? Path.Combine(result.Input.RepositoryRoot, BaselineFile.DefaultFileName));
                string directory = Path.GetDirectoryName(path)!;
                foreach (string warning in result.Warnings)
                {
                    Consoles.Warn(warning);
                }

                if (settings.Check)
                {
                    return Check(result, path, directory);
                }

                Scanner.ApplyBaseline(result, directory, baseline: null);
                var baseline = BaselineFile.Create(result.Findings.Where(f => f.Fingerprint != null).Select(f => f.Fingerprint!.Value));
                Directory.CreateDirectory(directory);
                File.WriteAllText(path, baseline.ToJson());
                Consoles.Out.Write(SummaryTable.Create(result.Findings));
                Consoles.Out.MarkupLine(Markup.Escape($"Wrote {baseline.Entries.Length} findings to {path}. Commit it: builds with Palisade.Analyzers suppress these findings, and palisade scan applies it."));
                return ScanCommand.Clean;
            }
            catch (LoadException e)
            {
                Consoles.Fail(e.Message);
                return ScanCommand.CannotLoad;
            }
        }

        private static int Check(ScanResult result, string path, string directory)
        {
            if (!File.Exists(path))
            {
                throw new LoadException($"There is no baseline at {path} to check. Write one with 'palisade baseline'.");
            }

            BaselineFile baseline;
            try
            {
                baseline = BaselineFile.Parse(File.ReadAllText(path));
            }
            catch (FormatException e)
            {
                throw new LoadException($"The baseline {path} cannot be read: {e.Message}", e);
            }

            var stale = Scanner.ApplyBaseline(result, directory, baseline);
            int unlisted = result.Findings.Count(f => f.Fingerprint != null && !f.Baselined);
            if (stale.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).Title("Stale baseline entries (their findings are fixed or gone)");
                table.AddColumn("Rule");
                table.AddColumn("Path");
                table.AddColumn("Hash");
                table.AddColumn(new TableColumn("Occurrence").RightAligned());
                foreach (BaselineEntry entry in stale)
                {
                    table.AddRow(Markup.Escape(entry.RuleId), Markup.Escape(entry.Path), Markup.Escape(entry.Hash), entry.Occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                Consoles.Out.Write(table);
            }

            Consoles.Out.MarkupLine(Markup.Escape($"Baseline {path}: {baseline.Entries.Length} entries, {baseline.Entries.Length - stale.Count} still match, {stale.Count} stale; {unlisted} findings are not in it."));
            if (stale.Count > 0)
            {
                Consoles.Out.MarkupLine(Markup.Escape("Remove the stale entries by writing the baseline again: palisade baseline" + (path == Path.Combine(result.Input.RepositoryRoot, BaselineFile.DefaultFileName) ? string.Empty : " -o " + path)));
                return StaleEntries;
            }

            return ScanCommand.Clean;
        }
    }
}
