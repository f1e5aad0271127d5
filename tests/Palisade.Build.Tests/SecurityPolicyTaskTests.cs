using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>The three gate tasks with a recording build engine: codes, files, lines and severities as MSBuild sees them.</summary>
    public sealed class SecurityPolicyTaskTests
    {
        private static (LocateSecurityPolicy Task, RecordingBuildEngine Engine, bool Result) Locate(string projectDirectory, string? severity = null, string? policyPath = null)
        {
            var engine = new RecordingBuildEngine();
            var task = new LocateSecurityPolicy
            {
                BuildEngine = engine,
                ProjectDirectory = projectDirectory,
                ProjectFile = Path.Combine(projectDirectory, "App.csproj"),
                SolutionDirectory = "*Undefined*",
                MissingPolicySeverity = severity,
                PolicyPath = policyPath,
            };
            return (task, engine, task.Execute());
        }

        private static (RecordingBuildEngine Engine, bool Result) AnalyzeAndReport(string policy, string findings, bool strict, string? details = null)
        {
            var engine = new RecordingBuildEngine();
            Assert.True(new AnalyzeSecurityPolicy { BuildEngine = engine, PolicyPath = policy, FindingsFile = findings }.Execute());
            bool result = new ReportSecurityPolicyFindings
            {
                BuildEngine = engine, PolicyPath = policy, FindingsFile = findings, TreatAsErrors = strict, IncompleteSeverity = details ?? "suggestion",
            }.Execute();
            return (engine, result);
        }

        private static BuildMessageEventArgs[] Suggestions(RecordingBuildEngine engine) => engine.Messages.Where(m => m.Code == "PAL5003").ToArray();

        [Fact]
        public void Missing_policy_fails_with_PAL5001_listing_every_place_looked_and_the_docs()
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");
            string project = temp.CreateDirectory("src", "App");

            var (task, engine, result) = Locate(project);

            Assert.False(result);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("PAL5001", error.Code);
            Assert.Equal(Path.Combine(project, "App.csproj"), error.File);
            Assert.Contains(temp.Combine("SECURITY.md"), error.Message);
            Assert.Contains(temp.Combine(".github", "SECURITY.md"), error.Message);
            Assert.Contains(temp.Combine("docs", "SECURITY.md"), error.Message);
            Assert.Contains("Add a SECURITY.md", error.Message);
            Assert.Contains("docs/rules/PAL5001.md", error.Message);
            Assert.Equal(string.Empty, task.FoundPolicyPath);
            Assert.Empty(engine.Warnings);
        }

        [Fact]
        public void Missing_policy_in_warning_mode_is_a_PAL5001_warning_and_the_build_goes_on()
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");

            var (_, engine, result) = Locate(temp.CreateDirectory("App"), "warning");

            Assert.True(result);
            Assert.Empty(engine.Errors);
            Assert.Equal("PAL5001", Assert.Single(engine.Warnings).Code);
        }

        [Fact]
        public void Found_policy_is_returned_without_any_diagnostic()
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");
            string policy = temp.WriteFile("SECURITY.md", Policies.Complete);

            var (task, engine, result) = Locate(temp.CreateDirectory("App"));

            Assert.True(result);
            Assert.Equal(policy, task.FoundPolicyPath);
            Assert.Equal(temp.Path, task.ResolvedRepositoryRoot);
            Assert.Empty(engine.Errors);
            Assert.Empty(engine.Warnings);
        }

        [Fact]
        public void Complete_policy_reports_nothing()
        {
            using var temp = new TempDirectory();
            string policy = temp.WriteFile("SECURITY.md", Policies.Complete);

            var (engine, result) = AnalyzeAndReport(policy, temp.Combine("obj", "findings"), strict: false);

            Assert.True(result);
            Assert.Empty(engine.Warnings);
            Assert.Empty(engine.Errors);
        }

        [Fact]
        public void Fixture_004_gives_PAL5002_warnings_with_file_and_lines_and_a_PAL5003_suggestion()
        {
            using var temp = new TempDirectory();
            string policy = temp.Combine("SECURITY.md");
            File.Copy(Policies.FixturePath("004"), policy);

            var (engine, result) = AnalyzeAndReport(policy, temp.Combine("obj", "findings"), strict: false);

            Assert.True(result);
            Assert.Empty(engine.Errors);
            Assert.True(engine.Warnings.Count >= 4);
            Assert.All(engine.Warnings, w => Assert.Equal("PAL5002", w.Code));
            Assert.All(engine.Warnings, w => Assert.Equal(policy, w.File));
            Assert.All(engine.Warnings, w => Assert.Contains("docs/rules/PAL5002.md", w.Message));
            Assert.Contains(engine.Warnings, w => w.LineNumber > 0 && w.Message!.Contains("yourusername"));
            Assert.Contains(engine.Warnings, w => w.Message!.Contains("no private way to report"));
            var versions = Assert.Single(Suggestions(engine));
            Assert.Equal(policy, versions.File);
            Assert.Equal(MessageImportance.High, versions.Importance);
            Assert.Contains("versions", versions.Message);
            Assert.Contains("docs/rules/PAL5003.md", versions.Message);
        }

        [Fact]
        public void Strict_mode_makes_PAL5002_errors_but_leaves_PAL5003_a_suggestion()
        {
            using var temp = new TempDirectory();
            string policy = temp.Combine("SECURITY.md");
            File.Copy(Policies.FixturePath("003"), policy);

            var (engine, result) = AnalyzeAndReport(policy, temp.Combine("obj", "findings"), strict: true);

            Assert.False(result);
            Assert.Empty(engine.Warnings);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("PAL5002", error.Code);
            Assert.Equal(5, error.LineNumber);
            Assert.Single(Suggestions(engine));
        }

        [Theory]
        [InlineData("warning", 1, 0, 0)]
        [InlineData("error", 0, 1, 0)]
        [InlineData("off", 0, 0, 0)]
        [InlineData("suggestion", 0, 0, 2)]
        public void PAL5003_takes_the_severity_the_user_opted_into(string details, int warnings, int errors, int suggestions)
        {
            using var temp = new TempDirectory();
            string policy = temp.WriteFile("SECURITY.md", "# Security\n\nReport vulnerabilities privately to security@acme-widgets.io, never in a public issue.\n");

            var (engine, result) = AnalyzeAndReport(policy, temp.Combine("obj", "findings"), strict: false, details);

            Assert.Equal(errors == 0, result);
            Assert.Equal(warnings * 2, engine.Warnings.Count(w => w.Code == "PAL5003"));
            Assert.Equal(errors * 2, engine.Errors.Count(e => e.Code == "PAL5003"));
            Assert.Equal(suggestions, Suggestions(engine).Length);
            Assert.DoesNotContain(engine.Warnings, w => w.Code == "PAL5002");
        }

        [Fact]
        public void Cached_findings_are_replayed_without_reading_the_policy_again()
        {
            using var temp = new TempDirectory();
            string policy = temp.Combine("SECURITY.md");
            File.Copy(Policies.FixturePath("003"), policy);
            string findings = temp.Combine("obj", "findings");
            AnalyzeAndReport(policy, findings, strict: false);
            File.Delete(policy);

            var engine = new RecordingBuildEngine();
            Assert.True(new ReportSecurityPolicyFindings { BuildEngine = engine, PolicyPath = policy, FindingsFile = findings, IncompleteSeverity = "suggestion" }.Execute());

            Assert.Single(engine.Warnings);
            Assert.Single(Suggestions(engine));
        }

        [Fact]
        public void Same_content_reuses_the_stored_findings_whatever_the_file_time()
        {
            using var temp = new TempDirectory();
            string policy = temp.Combine("SECURITY.md");
            File.Copy(Policies.FixturePath("003"), policy);
            string findings = temp.Combine("obj", "findings");
            AnalyzeAndReport(policy, findings, strict: false);
            File.SetLastWriteTimeUtc(policy, System.DateTime.UtcNow.AddHours(1));

            var engine = new RecordingBuildEngine();
            Assert.True(new AnalyzeSecurityPolicy { BuildEngine = engine, PolicyPath = policy, FindingsFile = findings }.Execute());

            Assert.Contains(engine.Messages, m => m.Message!.Contains("unchanged"));
            Assert.DoesNotContain(engine.Messages, m => m.Message!.Contains("analyzed"));
        }

        [Fact]
        public void A_different_policy_with_an_older_time_is_checked_again_not_served_from_the_cache()
        {
            using var temp = new TempDirectory();
            string policy = temp.Combine("SECURITY.md");
            File.Copy(Policies.FixturePath("004"), policy);
            string findings = temp.Combine("obj", "findings");
            var (first, _) = AnalyzeAndReport(policy, findings, strict: false);
            Assert.Contains(first.Warnings, w => w.LineNumber == 101);

            // cp -p, a checkout or an archive: new content, a time older than the findings file.
            File.WriteAllText(policy, Policies.Complete);
            File.SetLastWriteTimeUtc(policy, System.DateTime.UtcNow.AddYears(-3));
            var (second, result) = AnalyzeAndReport(policy, findings, strict: false);

            Assert.True(result);
            Assert.Contains(second.Messages, m => m.Message!.Contains("analyzed"));
            Assert.Empty(second.Warnings);
            Assert.Empty(Suggestions(second));
        }

        [Fact]
        public void Missing_or_foreign_findings_file_reports_nothing()
        {
            using var temp = new TempDirectory();
            string foreign = temp.WriteFile("foreign.txt", "not ours\n0\tEmpty\tx\n");
            var engine = new RecordingBuildEngine();

            Assert.True(new ReportSecurityPolicyFindings { BuildEngine = engine, PolicyPath = "SECURITY.md", FindingsFile = temp.Combine("none") }.Execute());
            Assert.True(new ReportSecurityPolicyFindings { BuildEngine = engine, PolicyPath = "SECURITY.md", FindingsFile = foreign }.Execute());

            Assert.Empty(engine.Warnings);
        }

        [Fact]
        public void Unreadable_policy_path_is_a_finding_not_a_crash()
        {
            using var temp = new TempDirectory();
            string directoryNotFile = temp.CreateDirectory("SECURITY.md");

            var (engine, result) = AnalyzeAndReport(directoryNotFile, temp.Combine("obj", "findings"), strict: false);

            Assert.True(result);
            Assert.Contains("could not be read", Assert.Single(engine.Warnings).Message);
        }

        [Fact]
        public void Findings_file_round_trips_key_kinds_lines_and_messages()
        {
            using var temp = new TempDirectory();
            string path = temp.Combine("f");
            var problems = new[]
            {
                new PolicyProblem(PolicyProblemKind.Placeholder, 12, "has\ttab and\nnewline"),
                new PolicyProblem(PolicyProblemKind.NoSupportedVersions, 0, "no versions"),
            };

            FindingsFile.Write(path, "k1", problems);
            var read = FindingsFile.Read(path)!;

            Assert.Equal("k1", read.Key);
            Assert.Equal(new[] { "Placeholder@12: has tab and newline", "NoSupportedVersions: no versions" }, read.Problems.Select(p => p.ToString()));
        }

        [Fact]
        public void Content_key_changes_with_the_content_only()
        {
            byte[] a = System.Text.Encoding.UTF8.GetBytes(Policies.Complete);
            byte[] b = System.Text.Encoding.UTF8.GetBytes(Policies.Complete + " ");

            Assert.Equal(FindingsFile.KeyOf(a), FindingsFile.KeyOf((byte[])a.Clone()));
            Assert.NotEqual(FindingsFile.KeyOf(a), FindingsFile.KeyOf(b));
        }
    }
}
