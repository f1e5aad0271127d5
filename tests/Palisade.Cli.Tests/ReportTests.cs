using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Palisade.Cli.Reports;
using Palisade.Cli.Scanning;
using Xunit;

namespace Palisade.Cli.Tests
{
    /// <summary>The HTML report parsed as a browser would (AngleSharp), and the SARIF log read as JSON.</summary>
    public sealed class ReportTests : IClassFixture<LooseScanFixture>
    {
        private readonly LooseScanFixture fixture;

        public ReportTests(LooseScanFixture fixture) => this.fixture = fixture;

        private AngleSharp.Html.Dom.IHtmlDocument Render()
        {
            string html = HtmlReport.Render(fixture.Result.Findings, fixture.Root, fixture.Root, DateTimeOffset.UnixEpoch);
            return new HtmlParser().ParseDocument(html);
        }

        [Fact]
        public void Html_report_is_self_contained_and_makes_no_request()
        {
            var document = Render();

            Assert.Empty(document.QuerySelectorAll("[src], link, iframe, object, embed, img"));
            Assert.All(document.QuerySelectorAll("script"), s => Assert.False(s.HasAttribute("src")));
            Assert.Contains("default-src 'none'", document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
            Assert.DoesNotContain("url(", string.Concat(document.QuerySelectorAll("style").Select(s => s.TextContent)));
            Assert.All(document.QuerySelectorAll("a[href]"), a =>
                Assert.True(a.GetAttribute("href")!.StartsWith("#rule-") || a.ClassList.Contains("help-link"), a.OuterHtml));
        }

        [Fact]
        public void Html_report_groups_findings_by_rule_then_file_with_help_and_marked_lines()
        {
            var document = Render();
            var findings = fixture.Result.Findings;

            var rules = document.QuerySelectorAll("section.rule").Select(s => s.GetAttribute("data-rule")).ToList();
            Assert.Equal(findings.Select(f => f.RuleId).Distinct().OrderBy(x => x, StringComparer.Ordinal), rules);
            foreach (var section in document.QuerySelectorAll("section.rule"))
            {
                string rule = section.GetAttribute("data-rule")!;
                Assert.Equal($"https://github.com/palisade-analyzers/palisade/blob/main/docs/rules/{rule}.md", section.QuerySelector("a.help-link")!.GetAttribute("href"));
                Assert.False(string.IsNullOrWhiteSpace(section.QuerySelector("p.help")?.TextContent));
                var files = section.QuerySelectorAll("div.file").Select(d => d.GetAttribute("data-file")).ToList();
                Assert.Equal(findings.Where(f => f.RuleId == rule).Select(f => f.RelativePath).Distinct().OrderBy(x => x, StringComparer.Ordinal), files);
                Assert.All(section.QuerySelectorAll("article.finding"), a => Assert.Equal(rule, a.GetAttribute("data-rule")));
            }

            var credential = findings.First(f => f.RuleId == "PAL2001");
            var article = document.QuerySelector("section[data-rule=PAL2001] article.finding")!;
            var hit = Assert.Single(article.QuerySelectorAll("span.line.hit"));
            Assert.Equal(credential.Line.ToString(), hit.GetAttribute("data-line"));
            Assert.Contains("DatabasePassword", hit.TextContent);
            Assert.Equal(credential.Message, article.QuerySelector("p.message span.text")!.TextContent);
        }

        [Fact]
        public void Html_report_has_counts_and_filters_by_rule_and_severity()
        {
            var document = Render();
            var findings = fixture.Result.Findings;

            Assert.Equal(findings.Count.ToString(), document.QuerySelector("#counts tfoot td.total")!.TextContent);
            foreach (var rule in findings.GroupBy(f => f.RuleId))
            {
                var row = document.QuerySelector($"#counts tbody tr[data-rule={rule.Key}]")!;
                Assert.Equal(rule.Count().ToString(), row.QuerySelector("td.total")!.TextContent);
                Assert.Equal(rule.Count(f => f.Severity == FindingSeverity.Warning).ToString(), row.QuerySelector("td.warning")!.TextContent);
            }

            var ruleOptions = document.QuerySelectorAll("#filter-rule option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Equal(new[] { string.Empty }.Concat(findings.Select(f => f.RuleId).Distinct().OrderBy(x => x, StringComparer.Ordinal)), ruleOptions);
            var severityOptions = document.QuerySelectorAll("#filter-severity option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Equal(new[] { string.Empty, "error", "warning", "note", "baseline" }, severityOptions);
            Assert.All(document.QuerySelectorAll("article.finding"), a => Assert.Contains(a.GetAttribute("data-severity"), new[] { "error", "warning", "note" }));
            Assert.Contains("filter-rule", document.QuerySelector("script")!.TextContent);
        }

        [Fact]
        public void Html_report_masks_secrets_exactly_as_the_diagnostics_do()
        {
            var document = Render();
            string all = document.DocumentElement.OuterHtml;

            Assert.DoesNotContain(Samples.Password, all);
            Assert.DoesNotContain(Samples.ApiKey, all);
            Assert.Contains($"\u2026({Samples.Password.Length} chars)", document.QuerySelector("section[data-rule=PAL2001] span.line.hit")!.TextContent);
            Assert.Contains("\u2026(36 chars)", document.QuerySelector("section[data-rule=PAL2004] span.line.hit")!.TextContent);
            Assert.DoesNotContain("9f2c", document.QuerySelector("section[data-rule=PAL2004] span.line.hit")!.TextContent);
            Assert.Contains("\u2026(36 chars)", document.QuerySelector("section[data-rule=PAL2004] p.message")!.TextContent);
        }

        [Fact]
        public void Sarif_lists_every_finding_and_marks_baselined_ones_suppressed_with_justification_baseline()
        {
            using var output = new TempFolder("sarif");
            string path = Path.Combine(output.Path, "out", "scan.sarif");
            var findings = fixture.Result.Findings.Select((f, i) => f with { Baselined = i == 0, Fingerprint = f.Fingerprint, Excerpt = f.Excerpt }).ToList();

            SarifWriter.Write(path, findings, fixture.Root);

            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
            var run = json.RootElement.GetProperty("runs")[0];
            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(findings.Count, results.Count);
            var suppression = results[0].GetProperty("suppressions")[0];
            Assert.Equal("baseline", suppression.GetProperty("justification").GetString());
            Assert.All(results.Skip(1), r => Assert.False(r.TryGetProperty("suppressions", out _)));
            var location = results.First(r => r.GetProperty("ruleId").GetString() == "PAL2001").GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("src/Settings.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.DoesNotContain(Samples.Password, File.ReadAllText(path));
        }
    }
}
