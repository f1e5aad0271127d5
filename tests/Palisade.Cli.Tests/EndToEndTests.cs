using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Palisade.Cli.Tests
{
    [CollectionDefinition(Name)]
    public sealed class InstalledToolCollection : ICollectionFixture<InstalledToolFixture>
    {
        public const string Name = "Installed palisade tool";
    }

    /// <summary>
    /// The tool as a user gets it: packed, installed from a folder feed into a tool path, and run on sample
    /// repositories (clean, vulnerable, not loadable) and on a project that builds with the package and a baseline.
    /// </summary>
    [Collection(InstalledToolCollection.Name)]
    public sealed class EndToEndTests
    {
        private const string UnsafeChecksum = """
            namespace Sample
            {
                public static class Checksum
                {
                    public static unsafe int First(byte[] data)
                    {
                        fixed (byte* pointer = data)
                        {
                            return *pointer;
                        }
                    }
                }
            }
            """;

        private readonly InstalledToolFixture tool;

        public EndToEndTests(InstalledToolFixture tool)
        {
            this.tool = tool;
            tool.AssertInstalled();
        }

        [Fact]
        public void Clean_sample_exits_0_and_the_scan_changes_no_file()
        {
            var sample = new SampleRepository(tool, "clean", referencePackage: false, ("Greeter.cs", Samples.Clean));
            Assert.Equal(0, tool.Dotnet(sample.ProjectDirectory, "restore").ExitCode);
            var before = sample.Snapshot();

            var scan = tool.Palisade(sample.Root, "scan");

            Assert.True(scan.ExitCode == 0, scan.ToString());
            Assert.Contains("Analysed App", scan.Error);
            Assert.Contains("Total", scan.Output);
            Assert.Equal(before, sample.Snapshot());
        }

        [Fact]
        public void Vulnerable_sample_exits_1_writes_SARIF_and_HTML_and_fail_on_sets_the_threshold()
        {
            var sample = new SampleRepository(tool, "vulnerable", referencePackage: false,
                ("Settings.cs", Samples.Credentials), ("Checksum.cs", UnsafeChecksum), ("appsettings.json", Samples.AppSettings));
            Assert.Equal(0, tool.Dotnet(sample.ProjectDirectory, "restore").ExitCode);
            var before = sample.Snapshot();
            string sarif = Path.Combine(tool.Root, "reports", "vulnerable.sarif");
            string html = Path.Combine(tool.Root, "reports", "vulnerable.html");

            var scan = tool.Palisade(tool.Root, "scan", sample.Project, "--sarif", sarif, "--html", html);
            var errorsOnly = tool.Palisade(sample.Root, "scan", "--fail-on", "error");
            var never = tool.Palisade(sample.Root, "scan", "--fail-on", "none");

            Assert.True(scan.ExitCode == 1, scan.ToString());
            Assert.Equal(before, sample.Snapshot());
            using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
            {
                var rules = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
                Assert.Contains("PAL2001", rules);
                Assert.Contains("PAL2004", rules);
                Assert.Contains("PAL4001", rules);
            }

            string report = File.ReadAllText(html);
            Assert.Contains("section class=\"rule\" id=\"rule-PAL2001\"", report);
            Assert.DoesNotContain(Samples.Password, report);
            Assert.DoesNotContain(Samples.ApiKey, report);
            Assert.DoesNotContain(Samples.Password, scan.Output + scan.Error);
            // The summary row: PAL4001, its title, then 0 errors, 1 warning, 0 notes, 0 baselined (box or ASCII borders).
            Assert.Matches(@"PAL4001[^\d\n]+0[^\d\n]+1[^\d\n]+0[^\d\n]+0", scan.Output);
            Assert.True(errorsOnly.ExitCode == 0, errorsOnly.ToString());
            Assert.True(never.ExitCode == 0, never.ToString());
        }

        [Fact]
        public void Input_that_cannot_be_loaded_exits_2_and_says_why()
        {
            var sample = new SampleRepository(tool, "broken", referencePackage: false, ("Greeter.cs", Samples.Clean));
            File.WriteAllText(sample.Project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");

            var broken = tool.Palisade(sample.Root, "scan", sample.Project);
            var missing = tool.Palisade(sample.Root, "scan", Path.Combine(sample.Root, "no-such.sln"));

            Assert.True(broken.ExitCode == 2, broken.ToString());
            Assert.Contains("App.csproj", broken.Error);
            Assert.Contains("could not be loaded", broken.Error.Replace("\n", " "));
            Assert.True(missing.ExitCode == 2, missing.ToString());
            Assert.Contains("does not exist", missing.Error);
        }

        [Fact]
        public void Baseline_lets_a_strict_build_pass_keeps_findings_as_suppressed_in_SARIF_and_new_findings_still_fail()
        {
            var sample = new SampleRepository(tool, "adopting", referencePackage: true,
                ("Settings.cs", Samples.Credentials), ("Checksum.cs", UnsafeChecksum), ("appsettings.json", Samples.AppSettings));
            var restore = tool.Dotnet(sample.ProjectDirectory, "restore");
            Assert.True(restore.ExitCode == 0, restore.ToString());
            string sarif = Path.Combine(sample.Root, "build.sarif");

            var baseline = tool.Palisade(sample.Root, "baseline");
            string baselineFile = Path.Combine(sample.Root, "palisade.baseline.json");
            var strict = tool.Dotnet(sample.ProjectDirectory, "build", "-p:PalisadeMode=strict", "-p:ErrorLog=" + sarif + "%2Cversion=2.1", "-nodeReuse:false");
            var scanWithBaseline = tool.Palisade(sample.Root, "scan");

            Assert.True(baseline.ExitCode == 0, baseline.ToString());
            Assert.DoesNotContain(Samples.Password, File.ReadAllText(baselineFile));
            Assert.Contains("\"path\": \"src/App/Settings.cs\"", File.ReadAllText(baselineFile));
            Assert.True(strict.ExitCode == 0, strict.ToString());
            Assert.DoesNotContain("error PAL", strict.Output);
            using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
            {
                var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                    .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("PAL")).ToList();
                Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "PAL2001");
                // The compiler names the suppressor's id and justification in the suppression's properties.
                Assert.All(results, r => Assert.Contains(r.GetProperty("suppressions").EnumerateArray(),
                    s => s.GetProperty("properties").GetProperty("suppressionType").GetString()!.Contains("Suppression Justification: baseline")));
            }

            Assert.True(scanWithBaseline.ExitCode == 0, scanWithBaseline.ToString());

            // A new finding fails the strict build, alone; the old ones stay suppressed.
            sample.Write("Tokens.cs", "namespace Sample { public static class Tokens { public const string AdminPassword = \"" + Samples.Password.Replace("T", "Q") + "\"; } }");
            var withNew = tool.Dotnet(sample.ProjectDirectory, "build", "-p:PalisadeMode=strict", "-nodeReuse:false");
            var check = tool.Palisade(sample.Root, "baseline", "--check");

            Assert.True(withNew.ExitCode != 0, withNew.ToString());
            Assert.Contains("Tokens.cs", string.Join("\n", withNew.Output.Split('\n').Where(l => l.Contains("error PAL"))));
            Assert.DoesNotContain("Settings.cs", string.Join("\n", withNew.Output.Split('\n').Where(l => l.Contains("error PAL"))));
            Assert.True(check.ExitCode == 0, check.ToString());

            // Fixing a baselined finding makes its entry stale.
            File.Delete(Path.Combine(sample.ProjectDirectory, "Checksum.cs"));
            var stale = tool.Palisade(sample.Root, "baseline", "--check");

            Assert.True(stale.ExitCode == 1, stale.ToString());
            Assert.Contains("PAL4001", stale.Output);
            Assert.Contains("src/App/Checksum.cs", stale.Output);
        }
    }
}
