using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Palisade.Analyzers.Baseline;
using Palisade.Cli.Scanning;
using Xunit;

namespace Palisade.Cli.Tests
{
    public sealed class LooseScanTests : IClassFixture<LooseScanFixture>
    {
        private readonly LooseScanFixture fixture;

        public LooseScanTests(LooseScanFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Loose_scan_reports_what_binds_and_counts_the_files_that_do_not()
        {
            var findings = fixture.Result.Findings;

            Assert.Contains(findings, f => f.RuleId == "PAL2001" && f.RelativePath == "src/Settings.cs");
            Assert.Contains(findings, f => f.RuleId == "PAL2004" && f.RelativePath == "src/appsettings.json");
            // Orders.cs uses System.Data.SqlClient, which is not in the SDK's reference pack: it does not bind.
            Assert.Equal(1, fixture.Result.FilesWithBindingErrors);
            Assert.Equal(2, fixture.Result.SourceFiles);
            Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("PAL5"));
        }

        [Fact]
        public void Messages_and_excerpts_never_hold_the_secrets()
        {
            foreach (var finding in fixture.Result.Findings)
            {
                Assert.DoesNotContain(Samples.Password, finding.Message);
                Assert.DoesNotContain(Samples.ApiKey, finding.Message);
                Assert.NotNull(finding.Excerpt);
                Assert.DoesNotContain(finding.Excerpt!.Lines, line => line.Contains(Samples.Password) || line.Contains(Samples.ApiKey));
            }

            var credential = fixture.Result.Findings.First(f => f.RuleId == "PAL2001");
            string flagged = credential.Excerpt!.Lines[credential.Line - credential.Excerpt.FirstLine];
            Assert.Contains($"DatabasePassword = \"\u2026({Samples.Password.Length} chars)\"", flagged);
        }

        [Fact]
        public async Task Baseline_check_reports_entries_whose_findings_are_gone_as_stale()
        {
            var baseline = BaselineFile.Create(fixture.Result.Findings.Where(f => f.Fingerprint != null).Select(f => f.Fingerprint!.Value));
            Assert.Equal(fixture.Result.Findings.Count, baseline.Entries.Length);

            using var copy = new TempFolder("stale");
            foreach (string file in Directory.GetFiles(fixture.Root, "*", SearchOption.AllDirectories))
            {
                copy.Write(Path.GetRelativePath(fixture.Root, file), File.ReadAllText(file));
            }

            // Unrelated edits and a moved line keep the credential matched; the API key is removed (fixed).
            copy.Write("src/Settings.cs", "// Settings moved down by a comment\n\n" + Samples.Credentials.Replace("public static class Settings", "public static class Settings // renamed comment"));
            copy.Write("src/appsettings.json", "{ \"Payments\": { \"Endpoint\": \"https://payments.acme-widgets.io\" } }");
            var rescanned = await Scanner.RunAsync(new ScanRequest(copy.Path, Loose: true), _ => { }, CancellationToken.None);
            var stale = Scanner.ApplyBaseline(rescanned, copy.Path, baseline);

            var entry = Assert.Single(stale);
            Assert.Equal("PAL2004", entry.RuleId);
            Assert.Equal("src/appsettings.json", entry.Path);
            Assert.All(rescanned.Findings, f => Assert.True(f.Baselined, f.ToString()));
        }

        [Fact]
        public void A_missing_path_or_a_folder_without_projects_cannot_be_loaded()
        {
            using var empty = new TempFolder("empty");
            empty.Write("notes.txt", "nothing to scan");

            var missing = Assert.Throws<LoadException>(() => ScanInput.Resolve(Path.Combine(empty.Path, "nope"), loose: false));
            var noProject = Assert.Throws<LoadException>(() => ScanInput.Resolve(empty.Path, loose: false));
            var noSource = Assert.Throws<LoadException>(() => ScanInput.Resolve(empty.Path, loose: true));

            Assert.Contains("does not exist", missing.Message);
            Assert.Contains("--loose", noProject.Message);
            Assert.Contains("no .cs files", noSource.Message);
        }
    }
}
