using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Palisade.Cli.Scanning;

namespace Palisade.Cli.Reports
{
    /// <summary>
    /// One self-contained HTML file: inline CSS and script, a Content-Security-Policy that forbids every request, the
    /// counts per rule and severity, filters by rule and severity, and the findings grouped by rule and then by file,
    /// each with its message (secrets masked by the analyzer), the rule's help text and link, and a code excerpt whose
    /// flagged lines are marked and whose secrets are masked (<see cref="ExcerptBuilder"/>).
    /// </summary>
    internal static class HtmlReport
    {
        public static void Write(string path, IReadOnlyList<Finding> findings, string scanned, string repositoryRoot)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory != null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, Render(findings, scanned, repositoryRoot, DateTimeOffset.Now), new UTF8Encoding(false));
        }

        internal static string Render(IReadOnlyList<Finding> findings, string scanned, string repositoryRoot, DateTimeOffset when)
        {
            var html = new StringBuilder();
            var byRule = findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
            html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            html.Append("<title>Palisade report: ").Append(E(Path.GetFileName(scanned.TrimEnd('/', '\\')))).Append("</title>\n");
            html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
            html.Append("<header>\n<h1>Palisade security report</h1>\n<p class=\"meta\">Scanned <code>").Append(E(scanned))
                .Append("</code> (repository root <code>").Append(E(repositoryRoot)).Append("</code>) on ")
                .Append(E(when.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))).Append(" with Palisade ").Append(E(ToolVersion.Value)).Append("</p>\n</header>\n");

            AppendSummary(html, findings, byRule);
            AppendFilters(html, byRule);

            html.Append("<main id=\"findings\">\n");
            if (findings.Count == 0)
            {
                html.Append("<p id=\"no-findings\">No findings.</p>\n");
            }

            foreach (var rule in byRule)
            {
                RuleInfo info = RuleCatalog.Describe(rule.Key);
                html.Append("<section class=\"rule\" id=\"rule-").Append(E(rule.Key)).Append("\" data-rule=\"").Append(E(rule.Key)).Append("\">\n");
                html.Append("<h2><span class=\"rule-id\">").Append(E(rule.Key)).Append("</span> ").Append(E(info.Title))
                    .Append(" <span class=\"count\">").Append(rule.Count()).Append("</span></h2>\n");
                if (info.Description.Length > 0)
                {
                    html.Append("<p class=\"help\">").Append(E(info.Description)).Append("</p>\n");
                }

                html.Append("<p><a class=\"help-link\" href=\"").Append(E(info.HelpUri)).Append("\" rel=\"noreferrer\">Rule documentation: ")
                    .Append(E(rule.Key)).Append("</a></p>\n");
                foreach (var file in rule.GroupBy(f => f.RelativePath).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    string name = file.Key.Length == 0 ? "(repository)" : file.Key;
                    html.Append("<div class=\"file\" data-file=\"").Append(E(name)).Append("\">\n<h3>").Append(E(name)).Append("</h3>\n");
                    foreach (Finding finding in file.OrderBy(f => f.Line).ThenBy(f => f.Column))
                    {
                        AppendFinding(html, finding);
                    }

                    html.Append("</div>\n");
                }

                html.Append("</section>\n");
            }

            html.Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
            return html.ToString();
        }

        private static void AppendSummary(StringBuilder html, IReadOnlyList<Finding> findings, List<IGrouping<string, Finding>> byRule)
        {
            int Count(IEnumerable<Finding> set, FindingSeverity severity) => set.Count(f => !f.Baselined && f.Severity == severity);
            html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<table id=\"counts\">\n<thead><tr><th>Rule</th><th>Title</th><th>Errors</th><th>Warnings</th><th>Notes</th><th>Baselined</th><th>Total</th></tr></thead>\n<tbody>\n");
            foreach (var rule in byRule)
            {
                html.Append("<tr data-rule=\"").Append(E(rule.Key)).Append("\"><td><a href=\"#rule-").Append(E(rule.Key)).Append("\">").Append(E(rule.Key)).Append("</a></td><td>")
                    .Append(E(RuleCatalog.Describe(rule.Key).Title)).Append("</td>");
                AppendCounts(html, Count(rule, FindingSeverity.Error), Count(rule, FindingSeverity.Warning), Count(rule, FindingSeverity.Note), rule.Count(f => f.Baselined), rule.Count());
                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n<tfoot><tr><th>All</th><th></th>");
            AppendCounts(html, Count(findings, FindingSeverity.Error), Count(findings, FindingSeverity.Warning), Count(findings, FindingSeverity.Note), findings.Count(f => f.Baselined), findings.Count);
            html.Append("</tr></tfoot>\n</table>\n</section>\n");
        }

        private static void AppendCounts(StringBuilder html, int errors, int warnings, int notes, int baselined, int total)
        {
            foreach (var (kind, value) in new[] { ("error", errors), ("warning", warnings), ("note", notes), ("baseline", baselined), ("total", total) })
            {
                html.Append("<td class=\"n ").Append(kind).Append("\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }
        }

        private static void AppendFilters(StringBuilder html, List<IGrouping<string, Finding>> byRule)
        {
            html.Append("<section id=\"filters\">\n<label>Rule <select id=\"filter-rule\">\n<option value=\"\">All rules</option>\n");
            foreach (var rule in byRule)
            {
                html.Append("<option value=\"").Append(E(rule.Key)).Append("\">").Append(E(rule.Key)).Append(" ").Append(E(RuleCatalog.Describe(rule.Key).Title)).Append("</option>\n");
            }

            html.Append("</select></label>\n<label>Severity <select id=\"filter-severity\">\n<option value=\"\">All</option>\n<option value=\"error\">Errors</option>\n<option value=\"warning\">Warnings</option>\n<option value=\"note\">Notes</option>\n<option value=\"baseline\">Baselined</option>\n</select></label>\n");
            html.Append("<span id=\"shown\"></span>\n</section>\n");
        }

        private static void AppendFinding(StringBuilder html, Finding finding)
        {
            string severity = finding.Severity.ToString().ToLowerInvariant();
            html.Append("<article class=\"finding\" data-rule=\"").Append(E(finding.RuleId)).Append("\" data-severity=\"").Append(severity)
                .Append("\" data-baselined=\"").Append(finding.Baselined ? "true" : "false").Append("\">\n<p class=\"message\"><span class=\"badge ").Append(severity).Append("\">")
                .Append(severity).Append("</span>");
            if (finding.Baselined)
            {
                html.Append(" <span class=\"badge baseline\">baseline</span>");
            }

            if (finding.Line > 0)
            {
                html.Append(" <span class=\"where\">line ").Append(finding.Line).Append(", column ").Append(finding.Column).Append("</span>");
            }

            html.Append(" <span class=\"text\">").Append(E(finding.Message)).Append("</span></p>\n");
            if (finding.Excerpt is { } excerpt)
            {
                html.Append("<pre class=\"excerpt\"><code>");
                for (int i = 0; i < excerpt.Lines.Length; i++)
                {
                    int number = excerpt.FirstLine + i;
                    bool hit = number >= finding.Line && number <= Math.Max(finding.Line, finding.EndLine);
                    html.Append("<span class=\"line").Append(hit ? " hit" : string.Empty).Append("\" data-line=\"").Append(number).Append("\"><span class=\"ln\">")
                        .Append(number).Append("</span>").Append(E(excerpt.Lines[i])).Append("</span>\n");
                }

                html.Append("</code></pre>\n");
            }

            html.Append("</article>\n");
        }

        private static string E(string text) => WebUtility.HtmlEncode(text);

        private const string Style = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 2rem; color: #1f2328; }
            h1 { margin-bottom: .2rem; } .meta { color: #59636e; margin-top: 0; }
            table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: .25rem .6rem; text-align: left; } td.n { text-align: right; }
            tfoot th, tfoot td { font-weight: 600; }
            #filters { margin: 1rem 0; display: flex; gap: 1.5rem; align-items: center; position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #d1d9e0; }
            section.rule { margin-top: 2rem; } .rule-id { font-family: ui-monospace, monospace; } .count { background: #eff1f3; border-radius: 1rem; padding: 0 .5rem; font-size: .8em; }
            .help { color: #333; } .file h3 { font-family: ui-monospace, monospace; font-size: .95rem; margin-bottom: .3rem; }
            .finding { border-left: 3px solid #d1d9e0; padding-left: .8rem; margin: .6rem 0 1rem; }
            .finding[data-severity=error] { border-color: #cf222e; } .finding[data-severity=warning] { border-color: #bf8700; } .finding[data-baselined=true] { opacity: .75; }
            .badge { font-size: .75em; text-transform: uppercase; border-radius: .3rem; padding: .05rem .35rem; color: #fff; background: #59636e; }
            .badge.error { background: #cf222e; } .badge.warning { background: #9a6700; } .badge.baseline { background: #6e7781; }
            .where { color: #59636e; }
            pre.excerpt { background: #f6f8fa; padding: .5rem 0; overflow-x: auto; margin: .3rem 0; }
            pre.excerpt .line { display: block; padding: 0 .8rem 0 0; white-space: pre; } pre.excerpt .line.hit { background: #fff1c2; font-weight: 600; }
            pre.excerpt .ln { display: inline-block; width: 3.5rem; color: #8c959f; text-align: right; margin-right: 1rem; user-select: none; }
            .hidden { display: none; }

            """;

        private const string Script = """
            (function () {
              var rule = document.getElementById('filter-rule');
              var severity = document.getElementById('filter-severity');
              function apply() {
                var shown = 0;
                document.querySelectorAll('article.finding').forEach(function (f) {
                  var okRule = !rule.value || f.dataset.rule === rule.value;
                  var okSeverity = !severity.value
                    || (severity.value === 'baseline' ? f.dataset.baselined === 'true' : f.dataset.baselined !== 'true' && f.dataset.severity === severity.value);
                  f.classList.toggle('hidden', !(okRule && okSeverity));
                  if (okRule && okSeverity) { shown++; }
                });
                document.querySelectorAll('div.file, section.rule').forEach(function (g) {
                  g.classList.toggle('hidden', !g.querySelector('article.finding:not(.hidden)'));
                });
                document.getElementById('shown').textContent = shown + ' shown';
              }
              rule.addEventListener('change', apply);
              severity.addEventListener('change', apply);
              apply();
            })();

            """;
    }
}
