using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Palisade.Package.Tests
{
    /// <summary>
    /// The packed package consumed by fresh projects and built with the real dotnet CLI. Every assertion message
    /// carries the whole build output (and the binlog stays next to the consumer project until the run ends).
    /// </summary>
    [Collection(PackedPackageCollection.Name)]
    public sealed class EndToEndBuildTests
    {
        private const string GoodPolicy = """
            # Security Policy

            ## Supported Versions

            Only the latest release receives security fixes.

            ## Reporting a Vulnerability

            Email security@acme-widgets.io or use https://github.com/acme/widgets/security/advisories/new.
            """;

        private readonly PackedPackageFixture package;

        public EndToEndBuildTests(PackedPackageFixture package)
        {
            this.package = package;
            package.AssertPacked();
        }

        [Fact]
        public void Without_SECURITY_md_the_build_fails_with_PAL5001_and_the_switch_makes_it_a_warning_or_nothing()
        {
            var consumer = new ConsumerProject(package, "no-policy", securityPolicy: null);

            var failed = consumer.Build();
            var warned = consumer.Build("--no-restore", "-p:PalisadeSecurityPolicy=warning");
            var off = consumer.Build("--no-restore", "-p:PalisadeSecurityPolicy=off");

            Assert.False(failed.Succeeded, failed.ToString());
            var error = Assert.Single(failed.Diagnostics("PAL5001"));
            Assert.Equal("error", error.Severity);
            Assert.EndsWith("App.csproj", error.File);
            Assert.Contains(Path.Combine(consumer.RepositoryDirectory, "SECURITY.md"), error.Message);
            Assert.Contains(Path.Combine(consumer.RepositoryDirectory, ".github", "SECURITY.md"), error.Message);
            Assert.Contains(Path.Combine(consumer.RepositoryDirectory, "docs", "SECURITY.md"), error.Message);
            Assert.Contains("docs/rules/PAL5001.md", error.Message);

            Assert.True(warned.Succeeded, warned.ToString());
            Assert.Equal("warning", Assert.Single(warned.Diagnostics("PAL5001")).Severity);

            Assert.True(off.Succeeded, off.ToString());
            Assert.Empty(off.Diagnostics(@"PAL\d{4}"));
        }

        [Fact]
        public void Real_policies_000_and_002_pass_clean_and_001_003_004_get_PAL5002_warnings()
        {
            // One repository, one project per policy (each pointed at its policy), one parallel build of the gate
            // target only: compiling five empty apps would prove nothing more (the other tests build in full).
            var consumer = new ConsumerProject(package, "fixtures", GoodPolicy);
            var minimum = new Dictionary<string, int> { ["000"] = 0, ["001"] = 3, ["002"] = 0, ["003"] = 2, ["004"] = 4 };
            foreach (string fixture in minimum.Keys)
            {
                string policy = Path.Combine(consumer.RepositoryDirectory, "policies", fixture, "SECURITY.md");
                Directory.CreateDirectory(Path.GetDirectoryName(policy)!);
                File.Copy(RepositoryPaths.Fixture(fixture), policy);
                consumer.AddSiblingProject("P" + fixture, $"<PalisadeSecurityPolicyPath>{policy}</PalisadeSecurityPolicyPath>");
            }

            var result = consumer.BuildAll("-t:PalisadeSecurityPolicyGate");

            Assert.True(result.Succeeded, result.ToString());
            Assert.Empty(result.Diagnostics("PAL5001"));
            foreach (var (fixture, atLeast) in minimum)
            {
                string policy = Path.Combine(consumer.RepositoryDirectory, "policies", fixture, "SECURITY.md");
                var diagnostics = result.Diagnostics("PAL5002").Where(d => d.File == policy).ToList();
                Assert.True(atLeast == 0 ? diagnostics.Count == 0 : diagnostics.Count >= atLeast, $"{fixture}: {diagnostics.Count} PAL5002\n{result}");
                Assert.All(diagnostics, d => Assert.Equal("warning", d.Severity));
            }
        }

        [Fact]
        public void Strict_mode_makes_PAL5002_errors_and_NoWarn_and_WarningsAsErrors_work_the_MSBuild_way()
        {
            var consumer = new ConsumerProject(package, "severities", File.ReadAllText(RepositoryPaths.Fixture("003")));

            var strict = consumer.Build("-p:PalisadeMode=strict");
            var silenced = consumer.Build("--no-restore", "-p:NoWarn=PAL5002");
            var escalated = consumer.Build("--no-restore", "-p:WarningsAsErrors=PAL5002");

            Assert.False(strict.Succeeded, strict.ToString());
            Assert.Equal(2, strict.Diagnostics("PAL5002").Count(d => d.Severity == "error"));
            Assert.True(silenced.Succeeded, silenced.ToString());
            Assert.Empty(silenced.Diagnostics("PAL5002"));
            Assert.False(escalated.Succeeded, escalated.ToString());
            Assert.Equal(2, escalated.Diagnostics("PAL5002").Count(d => d.Severity == "error"));
        }

        [Fact]
        public void A_no_op_build_skips_the_analysis_but_replays_the_warnings_and_an_edit_reruns_it()
        {
            var consumer = new ConsumerProject(package, "incremental", File.ReadAllText(RepositoryPaths.Fixture("003")));
            string policy = Path.Combine(consumer.RepositoryDirectory, "SECURITY.md");

            var first = consumer.Build();
            var noOp = consumer.Build("--no-restore");
            File.WriteAllText(policy, GoodPolicy);
            File.SetLastWriteTimeUtc(policy, System.DateTime.UtcNow.AddSeconds(5));
            var edited = consumer.Build("--no-restore");

            Assert.Contains("Palisade: analyzed security policy", first.Output);
            Assert.Equal(2, first.Diagnostics("PAL5002").Count);
            Assert.DoesNotContain("Palisade: analyzed security policy", noOp.Output);
            Assert.Contains("Skipping target \"_PalisadeAnalyzeSecurityPolicy\" because all output files are up-to-date", noOp.Output);
            Assert.Equal(first.Diagnostics("PAL5002"), noOp.Diagnostics("PAL5002"));
            Assert.Contains("Palisade: analyzed security policy", edited.Output);
            Assert.True(edited.Diagnostics("PAL5002").Count == 0, edited.ToString());
        }

        [Fact]
        public void A_multi_targeted_project_runs_the_gate_once()
        {
            var consumer = new ConsumerProject(package, "multi", File.ReadAllText(RepositoryPaths.Fixture("003")),
                targetFrameworks: "net10.0;netstandard2.0", source: "public static class Library { }", useMachinePackages: true);

            var result = consumer.Build();

            Assert.True(result.Succeeded, result.ToString());
            Assert.True(1 == result.Output.Split('\n').Count(l => l.Contains("Palisade: analyzed security policy")), result.ToString());
            Assert.Equal(2, result.Diagnostics("PAL5002").Count);
            // Each warning is printed where it happens and again in the summary: twice in all, not once per framework.
            Assert.True(4 == result.Output.Split('\n').Count(l => l.Contains("warning PAL5002")), result.ToString());
        }

        [Fact]
        public void Configuration_files_go_to_the_analyzers_once_without_bin_obj_and_strict_mode_adds_its_globalconfig()
        {
            var consumer = new ConsumerProject(package, "items", GoodPolicy);
            foreach (string file in new[] { "appsettings.json", "appsettings.Development.json", "web.config", ".env", ".env.local", "Properties/launchSettings.json", "bin/Debug/appsettings.json", "obj/appsettings.json", "notes.json" })
            {
                consumer.WriteFile(file, file.EndsWith(".config") ? "<configuration />" : "{}");
            }

            string projectFile = Path.Combine(consumer.ProjectDirectory, "App.csproj");
            File.WriteAllText(projectFile, File.ReadAllText(projectFile).Replace("</Project>", "  <ItemGroup><AdditionalFiles Include=\"appsettings.json\" /></ItemGroup>\n</Project>"));
            var restore = DotnetCli.Run(consumer.ProjectDirectory, package.ConsumerEnvironment, "restore", "App.csproj", "-nodeReuse:false");
            Assert.True(restore.Succeeded, restore.ToString());

            var strict = consumer.MSBuild("-t:_PalisadeAddConfigurationFiles;_PalisadeAddStrictGlobalConfig", "-getItem:AdditionalFiles", "-getItem:EditorConfigFiles", "-p:PalisadeMode=strict");
            var optedOut = consumer.MSBuild("-t:_PalisadeAddConfigurationFiles;_PalisadeAddStrictGlobalConfig", "-getItem:AdditionalFiles", "-getItem:EditorConfigFiles", "-p:PalisadeScanConfigurationFiles=false");

            string[] added = Regex.Matches(strict.Output, "\"Identity\": \"([^\"]+)\"").Select(m => m.Groups[1].Value.Replace('\\', '/'))
                .Where(i => !i.EndsWith(".globalconfig", System.StringComparison.Ordinal) && !i.EndsWith(".editorconfig", System.StringComparison.Ordinal))
                .OrderBy(i => i, System.StringComparer.Ordinal).ToArray();
            Assert.True(new[] { ".env", ".env.local", "Properties/launchSettings.json", "appsettings.Development.json", "appsettings.json", "web.config" }.SequenceEqual(added), strict.ToString());
            Assert.Contains("palisade_strict.globalconfig", strict.Output);
            Assert.Single(Regex.Matches(optedOut.Output, "\"Identity\": \"[^\"]+\\.json\""));
            Assert.DoesNotContain("palisade_strict.globalconfig", optedOut.Output);
        }

        private const string UnsafeWithoutSafetyComment = """
            public static class Program
            {
                public static unsafe void Main()
                {
                    int value = 1;
                    int* pointer = &value;
                    System.Console.WriteLine(*pointer);
                }
            }
            """;

        [Fact]
        public void Strict_mode_turns_an_analyzer_warning_into_an_error_and_editorconfig_still_wins()
        {
            var consumer = new ConsumerProject(package, "strict-analyzer", GoodPolicy, extraProperties: "<AllowUnsafeBlocks>true</AllowUnsafeBlocks>", source: UnsafeWithoutSafetyComment);

            var normal = consumer.Build();
            var strict = consumer.Build("-p:PalisadeMode=strict");
            File.WriteAllText(Path.Combine(consumer.RepositoryDirectory, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.PAL4001.severity = suggestion\n");
            var strictButEditorConfig = consumer.Build("-p:PalisadeMode=strict");

            Assert.True(normal.Succeeded, normal.ToString());
            Assert.Contains(normal.Diagnostics("PAL4001"), d => d.Severity == "warning");
            Assert.False(strict.Succeeded, strict.ToString());
            Assert.Contains(strict.Diagnostics("PAL4001"), d => d.Severity == "error");
            Assert.True(strictButEditorConfig.Succeeded, strictButEditorConfig.ToString());
        }

        [Fact]
        public void ErrorLog_writes_SARIF_with_the_PAL_results()
        {
            var consumer = new ConsumerProject(package, "sarif", GoodPolicy, extraProperties: "<AllowUnsafeBlocks>true</AllowUnsafeBlocks>", source: UnsafeWithoutSafetyComment);
            string sarif = Path.Combine(consumer.ProjectDirectory, "palisade.sarif");

            var result = consumer.Build("-p:ErrorLog=" + sarif + "%2Cversion=2.1");

            Assert.True(result.Succeeded, result.ToString());
            string log = File.ReadAllText(sarif);
            Assert.Contains("\"version\": \"2.1.0\"", log);
            Assert.Contains("\"ruleId\": \"PAL4001\"", log);
        }
    }
}
