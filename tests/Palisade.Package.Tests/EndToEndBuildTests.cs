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
            We answer within five working days.
            """;

        private readonly PackedPackageFixture package;

        public EndToEndBuildTests(PackedPackageFixture package)
        {
            this.package = package;
            package.AssertPacked();
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

        private const string AllowUnsafe = "<AllowUnsafeBlocks>true</AllowUnsafeBlocks>";

        /// <summary>obj/Debug/&lt;framework&gt;/App.dll: proof that the compiler ran even though the build failed.</summary>
        private static bool Compiled(ConsumerProject consumer, string framework = "net10.0") =>
            File.Exists(Path.Combine(consumer.ProjectDirectory, "obj", "Debug", framework, "App.dll"));

        [Fact]
        public void Without_SECURITY_md_PAL5001_fails_the_build_after_compile_and_SARIF_and_the_switch_makes_it_a_warning_or_nothing()
        {
            var consumer = new ConsumerProject(package, "no-policy", securityPolicy: null, extraProperties: AllowUnsafe, source: UnsafeWithoutSafetyComment);
            string sarif = Path.Combine(consumer.ProjectDirectory, "palisade.sarif");

            var failed = consumer.Build("-p:ErrorLog=" + sarif + "%2Cversion=2.1");
            bool compiled = Compiled(consumer);
            string log = File.Exists(sarif) ? File.ReadAllText(sarif) : "(no SARIF file)";
            var again = consumer.Build("--no-restore");
            var warned = consumer.Build("--no-restore", "-p:PalisadeSecurityPolicy=warning");
            var off = consumer.Build("--no-restore", "-p:PalisadeSecurityPolicy=off");

            // The gate reports, the compiler and the analyzers still run, the SARIF log is written, the build fails.
            Assert.False(failed.Succeeded, failed.ToString());
            var error = Assert.Single(failed.Diagnostics("PAL5001"));
            Assert.Equal("error", error.Severity);
            Assert.EndsWith("App.csproj", error.File);
            Assert.Contains(Path.Combine(consumer.RepositoryDirectory, "SECURITY.md"), error.Message);
            Assert.Contains(Path.Combine(consumer.RepositoryDirectory, ".github", "SECURITY.md"), error.Message);
            Assert.Contains(Path.Combine(consumer.RepositoryDirectory, "docs", "SECURITY.md"), error.Message);
            Assert.Contains("docs/rules/PAL5001.md", error.Message);
            Assert.Contains(failed.Diagnostics("PAL4001"), d => d.Severity == "warning");
            Assert.True(compiled, failed.ToString());
            Assert.Contains("\"ruleId\": \"PAL4001\"", log);

            // Incremental: nothing changed, the compiler is skipped, and the build still fails with the same error.
            Assert.False(again.Succeeded, again.ToString());
            Assert.Equal("error", Assert.Single(again.Diagnostics("PAL5001")).Severity);

            Assert.True(warned.Succeeded, warned.ToString());
            Assert.Equal("warning", Assert.Single(warned.Diagnostics("PAL5001")).Severity);

            Assert.True(off.Succeeded, off.ToString());
            Assert.Empty(off.Diagnostics(@"PAL5\d{3}"));
        }

        [Fact]
        public void Seed_and_real_style_policies_keep_their_verdicts_through_the_packed_package()
        {
            // One consumer project, the gate target run once per policy (each with its own PalisadeSecurityPolicyPath)
            // from a small traversal project, in one MSBuild invocation: compiling an app per policy would prove nothing more.
            var consumer = new ConsumerProject(package, "policies", GoodPolicy);
            var expected = new Dictionary<string, (bool Unusable, int AtLeast, int Suggestions)>
            {
                ["seed-000"] = (false, 0, 0),
                ["seed-001"] = (true, 3, 0),
                ["seed-002"] = (false, 0, 0),
                ["seed-003"] = (true, 1, 1),
                ["seed-004"] = (true, 4, 1),
            };
            foreach (string fixture in new[] { "000", "001", "002", "003", "004" })
            {
                CopyPolicy(consumer, "seed-" + fixture, RepositoryPaths.Fixture(fixture));
            }

            foreach (string verdict in new[] { "usable", "unusable" })
            {
                foreach (string file in Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "Fixtures", "RealStylePolicies", verdict), "*.md"))
                {
                    string name = verdict + "-" + Path.GetFileNameWithoutExtension(file);
                    CopyPolicy(consumer, name, file);
                    expected[name] = (verdict == "unusable", verdict == "unusable" ? 1 : 0, -1);
                }
            }

            File.WriteAllText(Path.Combine(consumer.RepositoryDirectory, "gate-all.proj"), """
                <Project>
                  <ItemGroup>
                    <Policy Include="policies/*/SECURITY.md" />
                  </ItemGroup>
                  <Target Name="Build">
                    <ItemGroup>
                      <_GateRun Include="src/App/App.csproj" AdditionalProperties="PalisadeSecurityPolicyPath=%(Policy.FullPath)" />
                    </ItemGroup>
                    <MSBuild Projects="@(_GateRun)" Targets="PalisadeSecurityPolicyGate" BuildInParallel="true" />
                  </Target>
                </Project>
                """);
            var restore = DotnetCli.Run(consumer.ProjectDirectory, package.ConsumerEnvironment, "restore", "App.csproj", "-nodeReuse:false");
            Assert.True(restore.Succeeded, restore.ToString());

            var result = DotnetCli.Run(consumer.RepositoryDirectory, package.ConsumerEnvironment, "msbuild", "gate-all.proj", "-nodeReuse:false", "-v:n", "-m");

            Assert.True(result.Succeeded, result.ToString());
            Assert.Empty(result.Diagnostics("PAL5001"));
            Assert.True(expected.Count >= 25, "expected the seed and real-style policies");
            foreach (var (name, verdict) in expected)
            {
                string policy = Path.Combine(consumer.RepositoryDirectory, "policies", name, "SECURITY.md");
                var unusable = result.Diagnostics("PAL5002").Where(d => d.File == policy).ToList();
                Assert.True(verdict.Unusable ? unusable.Count >= verdict.AtLeast : unusable.Count == 0, $"{name}: {unusable.Count} PAL5002\n{result}");
                Assert.All(unusable, d => Assert.Equal("warning", d.Severity));
                var incomplete = result.Diagnostics("PAL5003").Where(d => d.File == policy).ToList();
                Assert.True(verdict.Suggestions < 0 || verdict.Suggestions == incomplete.Count, $"{name}: {incomplete.Count} PAL5003\n{result}");
                Assert.All(incomplete, d => Assert.Equal("message", d.Severity));
            }
        }

        private static void CopyPolicy(ConsumerProject consumer, string name, string source)
        {
            string policy = Path.Combine(consumer.RepositoryDirectory, "policies", name, "SECURITY.md");
            Directory.CreateDirectory(Path.GetDirectoryName(policy)!);
            File.Copy(source, policy);
        }

        [Fact]
        public void Strict_mode_reports_PAL5002_errors_and_analyzer_errors_together_writes_SARIF_and_fails_also_when_incremental()
        {
            var consumer = new ConsumerProject(package, "strict", File.ReadAllText(RepositoryPaths.Fixture("004")), extraProperties: AllowUnsafe, source: UnsafeWithoutSafetyComment);
            string sarif = Path.Combine(consumer.ProjectDirectory, "strict.sarif");

            var strict = consumer.Build("-p:PalisadeMode=strict", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
            string log = File.Exists(sarif) ? File.ReadAllText(sarif) : "(no SARIF file)";
            var noOp = consumer.Build("--no-restore", "-p:PalisadeMode=strict", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
            var optedIn = consumer.Build("--no-restore", "-p:PalisadeMode=strict", "-p:PalisadeSecurityPolicyDetails=warning");

            Assert.False(strict.Succeeded, strict.ToString());
            Assert.True(strict.Diagnostics("PAL5002").Count(d => d.Severity == "error") >= 4, strict.ToString());
            Assert.Contains(strict.Diagnostics("PAL4001"), d => d.Severity == "error");
            Assert.Equal("message", Assert.Single(strict.Diagnostics("PAL5003")).Severity);
            Assert.Contains("\"ruleId\": \"PAL4001\"", log);

            Assert.False(noOp.Succeeded, noOp.ToString());
            Assert.Equal(strict.Diagnostics("PAL5002"), noOp.Diagnostics("PAL5002"));

            Assert.False(optedIn.Succeeded, optedIn.ToString());
            Assert.Equal("error", Assert.Single(optedIn.Diagnostics("PAL5003")).Severity);
        }

        [Fact]
        public void NoWarn_and_WarningsAsErrors_work_the_MSBuild_way()
        {
            var consumer = new ConsumerProject(package, "severities", File.ReadAllText(RepositoryPaths.Fixture("003")));

            var silenced = consumer.Build("-p:NoWarn=PAL5002");
            var escalated = consumer.Build("--no-restore", "-p:WarningsAsErrors=PAL5002");

            Assert.True(silenced.Succeeded, silenced.ToString());
            Assert.Empty(silenced.Diagnostics("PAL5002"));
            Assert.False(escalated.Succeeded, escalated.ToString());
            Assert.Equal("error", Assert.Single(escalated.Diagnostics("PAL5002")).Severity);
            Assert.True(Compiled(consumer), escalated.ToString());
        }

        [Fact]
        public void Findings_follow_the_policy_content_not_its_file_time()
        {
            var consumer = new ConsumerProject(package, "incremental", File.ReadAllText(RepositoryPaths.Fixture("004")));
            string policy = Path.Combine(consumer.RepositoryDirectory, "SECURITY.md");

            var first = consumer.Build();
            var noOp = consumer.Build("--no-restore");
            // A policy replaced by a file with an older time (cp -p, a checkout, an archive): still checked again.
            File.WriteAllText(policy, GoodPolicy);
            File.SetLastWriteTimeUtc(policy, System.DateTime.UtcNow.AddYears(-2));
            var replaced = consumer.Build("--no-restore");

            Assert.Contains("Palisade: analyzed security policy", first.Output);
            Assert.True(first.Diagnostics("PAL5002").Count >= 4, first.ToString());
            Assert.Contains(first.Diagnostics("PAL5002"), d => d.Line == 101);
            Assert.DoesNotContain("Palisade: analyzed security policy", noOp.Output);
            Assert.Contains("unchanged (same content)", noOp.Output);
            Assert.Equal(first.Diagnostics("PAL5002"), noOp.Diagnostics("PAL5002"));
            Assert.Equal(first.Diagnostics("PAL5003"), noOp.Diagnostics("PAL5003"));
            Assert.Contains("Palisade: analyzed security policy", replaced.Output);
            Assert.True(replaced.Diagnostics(@"PAL500\d").Count == 0, replaced.ToString());
        }

        [Fact]
        public void A_multi_targeted_project_runs_the_gate_once_compiles_every_framework_and_fails_in_strict_mode()
        {
            var consumer = new ConsumerProject(package, "multi", File.ReadAllText(RepositoryPaths.Fixture("003")),
                targetFrameworks: "net10.0;netstandard2.0", extraProperties: AllowUnsafe,
                source: "public static class Library { public static unsafe int Read(int* p) => *p; }", useMachinePackages: true);

            var result = consumer.Build();
            var strict = consumer.Build("--no-restore", "-p:PalisadeMode=strict");

            Assert.True(result.Succeeded, result.ToString());
            Assert.True(1 == result.Output.Split('\n').Count(l => l.Contains("Palisade: analyzed security policy")), result.ToString());
            Assert.Single(result.Diagnostics("PAL5002"));
            // Each warning is printed where it happens and again in the summary: twice in all, not once per framework.
            Assert.True(2 == result.Output.Split('\n').Count(l => l.Contains("warning PAL5002")), result.ToString());

            Assert.False(strict.Succeeded, strict.ToString());
            Assert.Equal("error", Assert.Single(strict.Diagnostics("PAL5002")).Severity);
            Assert.True(2 == strict.Output.Split('\n').Count(l => l.Contains("error PAL5002")), strict.ToString());
            Assert.Contains(strict.Diagnostics("PAL4001"), d => d.Severity == "error");
            Assert.True(Compiled(consumer, "net10.0") && Compiled(consumer, "netstandard2.0"), strict.ToString());
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

        [Fact]
        public void Strict_mode_turns_an_analyzer_warning_into_an_error_and_editorconfig_still_wins()
        {
            var consumer = new ConsumerProject(package, "strict-analyzer", GoodPolicy, extraProperties: AllowUnsafe, source: UnsafeWithoutSafetyComment);

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
    }
}
