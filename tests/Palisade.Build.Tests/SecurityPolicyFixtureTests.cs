using System.IO;
using System.Linq;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>The five real policies fare as their README says (000 and 002 clean; 001, 003, 004 flagged).</summary>
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
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.NoPrivateContact);
            // The double-encoded emoji headings are still read as headings.
            Assert.DoesNotContain(problems, p => p.Kind == PolicyProblemKind.NoReportingSection);
            Assert.DoesNotContain(problems, p => p.Kind == PolicyProblemKind.NoSupportedVersions);
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
        public void Policy_003_has_no_contact_address_and_no_supported_versions()
        {
            Assert.Equal(new[] { PolicyProblemKind.NoPrivateContact, PolicyProblemKind.NoSupportedVersions }, Kinds("003"));
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

            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.NoPrivateContact);
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.NoSupportedVersions);
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && lines[p.Line - 1].Contains("github.com/yourusername"));
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && lines[p.Line - 1].Contains("[Current Date]"));
            Assert.DoesNotContain(problems, p => p.Kind == PolicyProblemKind.NoReportingSection);
        }
    }
}
