using System.Linq;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>The PAL5002 content check on hand-written policies: each problem, and look-alikes that are fine.</summary>
    public sealed class SecurityPolicyCheckerTests
    {
        private static PolicyProblemKind[] Kinds(string text) => SecurityPolicyChecker.Check(text).Select(p => p.Kind).ToArray();

        private static string WithReporting(string reportingHeading, string contactLine) => $"""
            # Security

            ## Supported Versions

            Only the latest release gets fixes.

            {reportingHeading}

            {contactLine}
            Please give us 90 days before you publish anything.
            """;

        [Fact]
        public void Complete_policy_has_no_problem()
        {
            Assert.Empty(SecurityPolicyChecker.Check(Policies.Complete));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \r\n\t\n")]
        [InlineData("\uFEFF")]
        public void Empty_file_is_one_problem(string text)
        {
            Assert.Equal(new[] { PolicyProblemKind.Empty }, Kinds(text));
        }

        [Fact]
        public void Tiny_file_is_too_short_and_lacks_everything()
        {
            Assert.Equal(
                new[] { PolicyProblemKind.TooShort, PolicyProblemKind.NoReportingSection, PolicyProblemKind.NoPrivateContact, PolicyProblemKind.NoSupportedVersions },
                Kinds("# Security\nBe nice."));
        }

        [Fact]
        public void Binary_junk_is_one_not_text_problem()
        {
            var junk = new char[2000];
            for (int i = 0; i < junk.Length; i++)
            {
                junk[i] = (char)(i % 32 == 10 ? 'a' : i % 31);
            }

            Assert.Equal(new[] { PolicyProblemKind.NotText }, Kinds(new string(junk)));
        }

        [Theory]
        [InlineData("## Reporting a Vulnerability")]
        [InlineData("### Reporting Security Issues")]
        [InlineData("# Vulnerability Disclosure")]
        [InlineData("## Security contact")]
        [InlineData("## Reporting Security Vulnerabilities")]
        [InlineData("#### How to report a security issue")]
        [InlineData("## Responsible disclosure")]
        [InlineData("**Reporting a vulnerability**")]
        [InlineData("<h2>Reporting a Vulnerability</h2>")]
        [InlineData("Reporting a vulnerability\n-------------------------")]
        [InlineData("Vulnerability Disclosure\n========================")]
        [InlineData("## 🚨 Reporting a Vulnerability")]
        [InlineData("## ğŸš¨ Reporting a Vulnerability")]
        public void Reporting_heading_variants_are_recognised(string heading)
        {
            Assert.Empty(SecurityPolicyChecker.Check(WithReporting(heading, "Email security@acme-widgets.io.")));
        }

        [Theory]
        [InlineData("## Bug reports")]
        [InlineData("## Contact")]
        [InlineData("## Security updates")]
        [InlineData("## Security best practices")]
        public void Headings_that_are_not_about_reporting_do_not_count(string heading)
        {
            Assert.Contains(PolicyProblemKind.NoReportingSection, Kinds(WithReporting(heading, "Email security@acme-widgets.io.")));
        }

        [Fact]
        public void A_reporting_heading_inside_a_code_block_does_not_count()
        {
            string text = WithReporting("```\n## Reporting a Vulnerability\n```", "Email security@acme-widgets.io.");
            Assert.Contains(PolicyProblemKind.NoReportingSection, Kinds(text));
        }

        [Fact]
        public void A_headingless_policy_with_a_reporting_sentence_has_a_reporting_section()
        {
            const string text = "To report a security vulnerability, email security@acme-widgets.io. Supported versions: only the latest release gets fixes.";
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Theory]
        [InlineData("Email security@acme-widgets.io.")]
        [InlineData("Write to [our team](mailto:psirt@acme-widgets.io).")]
        [InlineData("Use https://github.com/acme/widgets/security/advisories/new to report it.")]
        [InlineData("Report it on https://hackerone.com/acme.")]
        [InlineData("Report it on https://bugcrowd.com/acme-vdp.")]
        [InlineData("Our form: https://acme-widgets.io/vulnerability-disclosure")]
        [InlineData("See https://acme-widgets.io/.well-known/security.txt for the contact.")]
        [InlineData("Report it through https://acme-widgets.io/security.")]
        [InlineData("https://msrc.microsoft.com/create-report")]
        public void Real_private_contacts_are_accepted(string contact)
        {
            Assert.DoesNotContain(PolicyProblemKind.NoPrivateContact, Kinds(WithReporting("## Reporting a Vulnerability", contact)));
        }

        [Theory]
        [InlineData("Please email the project maintainers.")]
        [InlineData("Open an issue at https://github.com/acme/widgets/issues.")]
        [InlineData("Read https://docs.acme-widgets.io/security/ for hardening advice.")]
        [InlineData("Mention @security-team in the chat.")]
        [InlineData("Write to security@ our domain.")]
        public void Text_without_a_private_channel_is_no_contact(string contact)
        {
            Assert.Contains(PolicyProblemKind.NoPrivateContact, Kinds(WithReporting("## Reporting a Vulnerability", contact)));
        }

        [Theory]
        [InlineData("Email security@yourcompany.com.", "yourcompany")]
        [InlineData("Email security@example.com.", "example.com")]
        [InlineData("Email security@example.org.", "example.org")]
        [InlineData("Use https://github.com/yourusername/app/security/advisories/new", "yourusername")]
        [InlineData("Use https://github.com/your-org/app/security/advisories/new", "your-org")]
        [InlineData("Email <email> to report.", "<email>")]
        public void Placeholder_contacts_are_flagged_and_do_not_count_as_contacts(string contact, string fragment)
        {
            var problems = SecurityPolicyChecker.Check(WithReporting("## Reporting a Vulnerability", contact));

            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.NoPrivateContact);
            var placeholder = Assert.Single(problems, p => p.Kind == PolicyProblemKind.Placeholder);
            Assert.Contains(fragment, placeholder.Message);
            Assert.Equal(9, placeholder.Line);
        }

        [Theory]
        [InlineData("Last updated: [Current Date]")]
        [InlineData("Response time: TBD")]
        [InlineData("Contact: TODO")]
        [InlineData("Email: sec@acme-widgets.io (replace with your security contact)")]
        [InlineData("Replace this with the name of your project.")]
        [InlineData("Phone: [Emergency contact number if applicable]")]
        [InlineData("Maintainer: {{ maintainer_email }}")]
        public void Template_text_is_flagged(string line)
        {
            string text = Policies.Complete + "\n" + line + "\n";
            var placeholder = Assert.Single(SecurityPolicyChecker.Check(text), p => p.Kind == PolicyProblemKind.Placeholder);
            Assert.Equal(text.Split('\n').Length - 1, placeholder.Line);
        }

        [Theory]
        [InlineData("For example, never commit credentials.")]
        [InlineData("See https://myexample.com/security for our advisories.")]
        [InlineData("Visit example.community for the forum.")]
        [InlineData("The tbd-parser crate is not affected.")]
        [InlineData("Outdated builds are replaced with patched ones.")]
        [InlineData("Protect your company's data and your own organization.")]
        [InlineData("- [ ] Rotate keys")]
        [InlineData("See [SECURITY] tags in the changelog.")]
        public void Look_alike_text_is_not_a_placeholder(string line)
        {
            Assert.Empty(SecurityPolicyChecker.Check(Policies.Complete + "\n" + line + "\n"));
        }

        [Fact]
        public void Placeholder_inside_a_code_block_is_not_flagged()
        {
            Assert.Empty(SecurityPolicyChecker.Check(Policies.Complete + "\n```\ncurl https://example.com/api\n```\n"));
        }

        [Theory]
        [InlineData("## Supported Versions")]
        [InlineData("## Versions")]
        [InlineData("### Version support")]
        [InlineData("## Supported releases")]
        public void Supported_versions_heading_variants_are_recognised(string heading)
        {
            string text = $"# Security\n\n{heading}\n\n| 2.x | yes |\n\n## Reporting a Vulnerability\n\nEmail security@acme-widgets.io and we will answer quickly.\n";
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Fact]
        public void Supported_versions_sentence_without_heading_counts()
        {
            string text = "# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme-widgets.io. Security fixes are only supported on the latest release.\n";
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Theory]
        [InlineData("## Security Updates\n\nPatches are documented in the CHANGELOG.")]
        [InlineData("## Release notes\n\nSee the changelog.")]
        [InlineData("Include the version of the module you used.")]
        public void Mentions_of_versions_that_do_not_say_what_is_supported_do_not_count(string section)
        {
            string text = $"# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme-widgets.io and we will answer quickly.\n\n{section}\n";
            Assert.Contains(PolicyProblemKind.NoSupportedVersions, Kinds(text));
        }

        [Fact]
        public void Crlf_line_endings_give_the_same_problems_and_lines()
        {
            string lf = WithReporting("## Reporting a Vulnerability", "Email security@yourcompany.com.");
            string crlf = lf.Replace("\r\n", "\n").Replace("\n", "\r\n");

            Assert.Equal(SecurityPolicyChecker.Check(lf).Select(p => p.ToString()), SecurityPolicyChecker.Check(crlf).Select(p => p.ToString()));
        }

        [Fact]
        public void Old_mac_cr_line_endings_are_lines_too()
        {
            string cr = Policies.Complete.Replace("\r\n", "\n").Replace("\n", "\r");
            Assert.Empty(SecurityPolicyChecker.Check(cr));
        }
    }
}
