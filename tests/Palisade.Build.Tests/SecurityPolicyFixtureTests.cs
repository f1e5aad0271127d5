using System.IO;
using System.Linq;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>
    /// The five real policies fare as their README says: 000 and 002 clean; 001, 003 and 004 unusable (PAL5002) for
    /// their missing contact and placeholders, and the missing versions of 003 and 004 only incomplete (PAL5003).
    /// </summary>
    public sealed class SecurityPolicyFixtureTests
    {
        private static PolicyProblemKind[] Kinds(string fixture) =>
            SecurityPolicyChecker.Check(PolicyFileReader.Read(Policies.FixturePath(fixture))).Select(p => p.Kind).ToArray();

        [Theory]
        [InlineData("000")]
        [InlineData("002")]
        public void Complete_real_policy_has_no_problem(string fixture)
        {
            Assert.Empty(SecurityPolicyChecker.Check(PolicyFileReader.Read(Policies.FixturePath(fixture))));
        }

        [Fact]
        public void Policy_001_with_mojibake_headings_is_flagged_for_its_template_contact_only()
        {
            var problems = SecurityPolicyChecker.Check(PolicyFileReader.Read(Policies.FixturePath("001")));

            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && p.Message.Contains("yourcompany") && p.Message.Contains("replace with your"));
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && p.Message.Contains("TBD"));
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.NoPrivateContact && p.Level == PolicyLevel.Unusable);
            // The double-encoded emoji headings are still read as headings.
            Assert.DoesNotContain(problems, p => p.Kind == PolicyProblemKind.NoReportingSection);
            Assert.DoesNotContain(problems, p => p.Kind == PolicyProblemKind.NoSupportedVersions);
            Assert.DoesNotContain(problems, p => p.Level == PolicyLevel.Incomplete);
        }

        [Fact]
        public void Policy_001_placeholder_diagnostics_point_at_their_lines()
        {
            string[] lines = File.ReadAllLines(Policies.FixturePath("001"));
            var placeholders = SecurityPolicyChecker.Check(PolicyFileReader.Read(Policies.FixturePath("001")))
                .Where(p => p.Kind == PolicyProblemKind.Placeholder).ToList();

            Assert.NotEmpty(placeholders);
            Assert.All(placeholders, p => Assert.True(p.Line > 0));
            int emailLine = placeholders.First().Line;
            Assert.Contains("security@yourcompany.com (replace with your security contact)", lines[emailLine - 1]);
        }

        [Fact]
        public void Policy_003_is_unusable_for_its_missing_contact_and_incomplete_for_its_missing_versions()
        {
            var problems = SecurityPolicyChecker.Check(PolicyFileReader.Read(Policies.FixturePath("003")));

            Assert.Equal(new[] { PolicyProblemKind.NoPrivateContact, PolicyProblemKind.NoSupportedVersions }, Kinds("003"));
            Assert.Equal(new[] { PolicyLevel.Unusable, PolicyLevel.Incomplete }, problems.Select(p => p.Level).ToArray());
        }

        [Fact]
        public void Policy_003_missing_contact_points_at_its_reporting_heading()
        {
            string[] lines = File.ReadAllLines(Policies.FixturePath("003"));
            var problem = SecurityPolicyChecker.Check(PolicyFileReader.Read(Policies.FixturePath("003"))).Single(p => p.Kind == PolicyProblemKind.NoPrivateContact);

            Assert.Equal("## Reporting a Vulnerability", lines[problem.Line - 1]);
        }

        [Fact]
        public void Policy_004_has_placeholder_contacts_no_real_contact_and_no_supported_versions()
        {
            string[] lines = File.ReadAllLines(Policies.FixturePath("004"));
            var problems = SecurityPolicyChecker.Check(PolicyFileReader.Read(Policies.FixturePath("004")));

            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.NoPrivateContact && p.Level == PolicyLevel.Unusable);
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.NoSupportedVersions && p.Level == PolicyLevel.Incomplete);
            Assert.Equal(new[] { PolicyProblemKind.NoSupportedVersions }, problems.Where(p => p.Level == PolicyLevel.Incomplete).Select(p => p.Kind).ToArray());
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && lines[p.Line - 1].Contains("github.com/yourusername"));
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && lines[p.Line - 1].Contains("[Current Date]"));
            Assert.DoesNotContain(problems, p => p.Kind == PolicyProblemKind.NoReportingSection);
        }
    }
}
