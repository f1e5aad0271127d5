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
    /// palisade scan: load, analyse, apply the baseline, write the reports, print the summary. Exit code 0 when no
    /// finding outside the baseline reaches --fail-on, 1 when one does, 2 when the input cannot be loaded.
    /// </summary>
    internal sealed class ScanCommand : AsyncCommand<ScanSettings>
    {
        public const int Clean = 0;
        public const int FindingsReachFailOn = 1;
        public const int CannotLoad = 2;

        public override async Task<int> ExecuteAsync(CommandContext context, ScanSettings settings, CancellationToken cancellationToken)
        {
            try
            {
                ScanResult result = await Scanner.RunAsync(new ScanRequest(settings.Path, settings.Loose), Consoles.Progress, cancellationToken);
                var (baselinePath, baseline) = LoadBaseline(settings.Baseline, result.Input.RepositoryRoot);
                var stale = Scanner.ApplyBaseline(result, Path.GetDirectoryName(baselinePath)!, baseline);
                foreach (string warning in result.Warnings)
                {
                    Consoles.Warn(warning);
                }

                if (settings.Sarif != null)
                {
                    SarifWriter.Write(settings.Sarif, result.Findings, result.Input.RepositoryRoot);
                    Consoles.Progress($"SARIF written to {Path.GetFullPath(settings.Sarif)}");
                }

                if (settings.Html != null)
                {
                    HtmlReport.Write(settings.Html, result.Findings, string.Join(", ", result.Input.Files.Count == 1 ? result.Input.Files : new[] { result.Input.Directory }), result.Input.RepositoryRoot);
                    Consoles.Progress($"HTML report written to {Path.GetFullPath(settings.Html)}");
                }

                Consoles.Out.Write(SummaryTable.Create(result.Findings));
                string scope = result.FilesWithBindingErrors is int errors
                    ? $"{result.SourceFiles} files without a project (--loose), {errors} with binding errors"
                    : $"{result.Projects} projects, {result.SourceFiles} source files";
                Consoles.Out.MarkupLine(Markup.Escape($"Scanned {scope}: loaded in {result.LoadTime.TotalSeconds:0.0} s, analysed in {result.AnalysisTime.TotalSeconds:0.0} s."));
                if (baseline != null)
                {
                    Consoles.Out.MarkupLine(Markup.Escape($"Baseline {baselinePath}: {result.Findings.Count(f => f.Baselined)} findings suppressed, {stale.Count} stale entries."));
                }

                FindingSeverity? threshold = settings.FailOn switch
                {
                    "error" => FindingSeverity.Error,
                    "warning" => FindingSeverity.Warning,
                    _ => null,
                };
                int failing = threshold is null ? 0 : result.Findings.Count(f => !f.Baselined && f.Severity >= threshold);
                if (failing > 0)
                {
                    Consoles.Out.MarkupLine($"[red]{failing} findings at {settings.FailOn} level or above.[/]");
                    return FindingsReachFailOn;
                }

                return Clean;
            }
            catch (LoadException e)
            {
                Consoles.Fail(e.Message);
                return CannotLoad;
            }
        }

        /// <summary>--baseline FILE (which must exist), else palisade.baseline.json at the root when present.</summary>
        internal static (string Path, BaselineFile? Baseline) LoadBaseline(string? requested, string repositoryRoot)
        {
            string path = Path.GetFullPath(requested ?? Path.Combine(repositoryRoot, BaselineFile.DefaultFileName));
            if (!File.Exists(path))
            {
                if (requested != null)
                {
                    throw new LoadException($"The baseline {path} does not exist. Write it with 'palisade baseline -o {requested}'.");
                }

                return (path, null);
            }

            try
            {
                BaselineFile baseline = BaselineFile.Parse(File.ReadAllText(path));
                Consoles.Progress($"Applying baseline {path} ({baseline.Entries.Length} entries)");
                return (path, baseline);
            }
            catch (FormatException e)
            {
                throw new LoadException($"The baseline {path} cannot be read: {e.Message}", e);
            }
        }
    }
}
