using System.Linq;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>The SECURITY.md content check on hand-written policies: each problem, and look-alikes that are fine.</summary>
    public sealed class SecurityPolicyCheckerTests
    {
        private static PolicyProblemKind[] Kinds(string text) => SecurityPolicyChecker.Check(text).Select(p => p.Kind).ToArray();

        private static PolicyProblemKind[] Unusable(string text) =>
            SecurityPolicyChecker.Check(text).Where(p => p.Level == PolicyLevel.Unusable).Select(p => p.Kind).ToArray();

        private static string WithReporting(string reportingHeading, string contactLine) => $"""
            # Security

            ## Supported Versions

            Only the latest release gets fixes.

            {reportingHeading}

            {contactLine}
            We answer within three working days.
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
        [InlineData("<!-- Security policy to be written -->\n")]
        public void Empty_file_or_only_comments_is_one_problem(string text)
        {
            Assert.Equal(new[] { PolicyProblemKind.Empty }, Kinds(text));
        }

        [Theory]
        [InlineData("# Security Policy\n\n## Supported Versions\n\n## Reporting a Vulnerability\n")]
        [InlineData("Security\n========\n\n---\n\n## Contact <!-- security@acme-widgets.io -->\n")]
        public void Headings_without_text_are_one_problem(string text)
        {
            Assert.Equal(new[] { PolicyProblemKind.HeadingsOnly }, Kinds(text));
        }

        [Fact]
        public void Tiny_file_without_a_channel_is_too_short_and_incomplete()
        {
            Assert.Equal(
                new[] { PolicyProblemKind.TooShort, PolicyProblemKind.NoSupportedVersions, PolicyProblemKind.NoResponseTime },
                Kinds("# Security\nBe nice."));
        }

        [Theory]
        [InlineData("Please report security problems to security@acme-widgets.io.")]
        [InlineData("Security policy: https://www.acme-widgets.io/security/")]
        [InlineData("See https://acme-widgets.io/trust for how we handle vulnerability reports.")]
        [InlineData("We follow our organisation's policy at https://github.com/acme/.github/blob/main/SECURITY.md")]
        [InlineData("Use the Report a vulnerability button on the Security tab of this repository.")]
        [InlineData("Report vulnerabilities through GitHub's private vulnerability reporting.")]
        [InlineData("Please report it privately through a draft GitHub security advisory.")]
        [InlineData("Our bug bounty: https://bugcrowd.com/acme-widgets")]
        [InlineData("https://github.com/acme/widgets/security/advisories/new")]
        public void One_line_policies_with_a_private_channel_are_usable(string text)
        {
            Assert.Empty(Unusable(text));
            Assert.DoesNotContain(PolicyProblemKind.TooShort, Kinds(text));
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
        public void Without_a_channel_a_heading_that_is_not_about_reporting_is_no_reporting_section(string heading)
        {
            string text = WithReporting(heading, "Please be kind to the maintainers and give us time to look at things.");
            Assert.Contains(PolicyProblemKind.NoReportingSection, Kinds(text));
            Assert.Contains(PolicyProblemKind.NoPrivateContact, Kinds(text));
        }

        [Theory]
        [InlineData("## Bug reports")]
        [InlineData("## Contact")]
        public void With_a_channel_any_heading_will_do(string heading)
        {
            Assert.Empty(SecurityPolicyChecker.Check(WithReporting(heading, "Email security@acme-widgets.io.")));
        }

        [Fact]
        public void A_title_heading_whose_sentences_explain_reporting_has_a_reporting_section()
        {
            const string text = """
                # Acme Widgets

                If you find a vulnerability, please tell us how to reproduce it and we will look at it first thing.
                We answer every report within three working days; only the latest release is supported.
                """;

            Assert.Equal(new[] { PolicyProblemKind.NoPrivateContact }, Unusable(text));
        }

        [Theory]
        [InlineData("Email security@acme-widgets.io.")]
        [InlineData("Write to [our team](mailto:psirt@acme-widgets.io).")]
        [InlineData("Write to psirt [at] acme-widgets [dot] io.")]
        [InlineData("Use https://github.com/acme/widgets/security/advisories/new to report it.")]
        [InlineData("Report it privately on [the Security tab](https://github.com/acme/widgets/security).")]
        [InlineData("Report it on https://hackerone.com/acme.")]
        [InlineData("Report it on https://bugcrowd.com/acme-vdp.")]
        [InlineData("Our form: https://acme-widgets.io/vulnerability-disclosure")]
        [InlineData("See https://acme-widgets.io/.well-known/security.txt for the contact.")]
        [InlineData("Report it through https://acme-widgets.io/security.")]
        [InlineData("Our security page: https://www.acme-widgets.io/security/")]
        [InlineData("https://security.acme-widgets.io")]
        [InlineData("https://msrc.microsoft.com/create-report")]
        [InlineData("Use the *Report a vulnerability* button on the Security tab.")]
        [InlineData("**Email security@acme-widgets.io**")]
        [InlineData("### security@acme-widgets.io")]
        [InlineData("To report a security issue, follow the steps at https://acme-widgets.io/docs/reference/issues-security/security/.")]
        [InlineData("To report a vulnerability, please use the [security contact](https://tidelift.com/security).")]
        [InlineData("Our security policy is published at https://acme-widgets.io/legal/policies.")]
        [InlineData("Report vulnerabilities through the contact form at https://acme-widgets.io/contact.")]
        [InlineData("See https://acme-widgets.io/vuln-reports for the form.")]
        public void Real_private_channels_are_accepted(string contact)
        {
            Assert.Empty(Unusable(WithReporting("## Reporting a Vulnerability", contact)));
        }

        [Theory]
        [InlineData("Please email the project maintainers.")]
        [InlineData("Read https://docs.acme-widgets.io/security/ for hardening advice.")]
        [InlineData("Subscribe to https://github.com/acme/widgets/security/advisories for announcements.")]
        [InlineData("Read about bounties at https://www.hackerone.com/blog/what-is-a-bug-bounty.")]
        [InlineData("Mention @security-team in the chat.")]
        [InlineData("Write to security@ our domain.")]
        [InlineData("Mail noreply@acme-widgets.io.")]
        [InlineData("Advisories are published via GitHub Security Advisories.")]
        [InlineData("Please include the CVSS score (https://www.first.org/cvss/calculator/3.1) when you report a vulnerability.")]
        [InlineData("Learn how we handle security at https://acme-widgets.io/blog/2024/our-approach.")]
        public void Text_without_a_private_channel_is_no_contact(string contact)
        {
            Assert.Equal(new[] { PolicyProblemKind.NoPrivateContact }, Unusable(WithReporting("## Reporting a Vulnerability", contact)));
        }

        [Theory]
        [InlineData("Open an issue at https://github.com/acme/widgets/issues.")]
        [InlineData("Please raise security concerns as regular public issues.")]
        [InlineData("Report vulnerabilities on the issue tracker.")]
        [InlineData("To report a vulnerability, open a new GitHub issue.")]
        [InlineData("File security issues on GitHub so everyone can follow them.")]
        [InlineData("Please raise security concerns as regular public issues, see https://hackerone.com/acme for why we have no bounty.")]
        [InlineData("Security problems: open an issue at https://github.com/acme/widgets/issues. Background: https://acme-widgets.io/security")]
        public void Sending_reporters_to_public_issues_is_no_channel_even_with_a_link(string line)
        {
            var problem = Assert.Single(SecurityPolicyChecker.Check(WithReporting("## Reporting a Vulnerability", line)), p => p.Level == PolicyLevel.Unusable);
            Assert.Equal(PolicyProblemKind.PublicIssuesOnly, problem.Kind);
            Assert.Equal(9, problem.Line);
        }

        [Theory]
        [InlineData("Please do not report security vulnerabilities through public GitHub issues. Email security@acme-widgets.io.")]
        [InlineData("Do not open an issue; email security@acme-widgets.io instead.")]
        [InlineData("For bugs, open an issue at https://github.com/acme/widgets/issues. For vulnerabilities, email security@acme-widgets.io.")]
        [InlineData("Email security@acme-widgets.io rather than opening a public issue.")]
        [InlineData("Please submit security issues to security@acme-widgets.io.")]
        [InlineData("Raise security issues privately by email to security@acme-widgets.io.")]
        public void Mentioning_issues_to_say_not_to_use_them_keeps_the_channel(string line)
        {
            Assert.Empty(Unusable(WithReporting("## Reporting a Vulnerability", line)));
        }

        [Theory]
        [InlineData("Email security@yourcompany.com.", "yourcompany")]
        [InlineData("Email security@example.com.", "example.com")]
        [InlineData("Email security@example.org.", "example.org")]
        [InlineData("Email security@mail.example.net.", "mail.example.net")]
        [InlineData("Email security@acme.example.", "acme.example")]
        [InlineData("Email security@acme.test.", "acme.test")]
        [InlineData("Email security@acme.invalid.", "acme.invalid")]
        [InlineData("Report at https://localhost:8443/security/report.", "localhost")]
        [InlineData("Use https://github.com/OWNER/REPO/security/advisories/new", "OWNER/REPO")]
        [InlineData("Use https://github.com/user/repo/security/advisories/new", "OWNER/REPO")]
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
        [InlineData("Use this section to tell people how to report a vulnerability.")]
        [InlineData("Tell them where to go, how often they can expect to get an update on a")]
        [InlineData("This file should contain instructions for reporting a vulnerability.")]
        [InlineData("Edit this file to describe your security policy.")]
        [InlineData("See our mirror at github.com/OWNER/REPO.")]
        [InlineData("SECURITY.md gives no private way to report a vulnerability")]
        [InlineData("No security policy found: looked for SECURITY.md (any letter case) at /src/acme/SECURITY.md")]
        [InlineData("SECURITY.md does not say which versions get security fixes: add a line")]
        public void Template_text_is_flagged(string line)
        {
            string text = Policies.Complete + "\n" + line + "\n";
            var placeholder = Assert.Single(SecurityPolicyChecker.Check(text), p => p.Kind == PolicyProblemKind.Placeholder);
            Assert.Equal(text.Split('\n').Length - 1, placeholder.Line);
        }

        [Fact]
        public void A_template_sentence_that_wraps_is_flagged_on_its_first_line()
        {
            string text = Policies.Complete + "\nPlease tell them where\nto go when they find something.\n";
            var placeholder = Assert.Single(SecurityPolicyChecker.Check(text), p => p.Kind == PolicyProblemKind.Placeholder);
            Assert.Equal(text.Split('\n').Length - 2, placeholder.Line);
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
        [InlineData("The admin console listens on localhost only.")]
        [InlineData("Run the Acme.Widgets.Test project before sending a patch.")]
        [InlineData("The TCP/IP stack and the user/group model are out of scope.")]
        [InlineData("Use this function to tell whether a token expired.")]
        public void Look_alike_text_is_not_a_placeholder(string line)
        {
            Assert.Empty(SecurityPolicyChecker.Check(Policies.Complete + "\n" + line + "\n"));
        }

        [Fact]
        public void Placeholder_inside_a_code_block_is_not_flagged()
        {
            Assert.Empty(SecurityPolicyChecker.Check(Policies.Complete + "\n```\ncurl https://example.com/api\n```\n"));
        }

        [Fact]
        public void Html_comments_are_invisible_to_every_check()
        {
            const string text = """
                # Security

                <!--
                ## Supported Versions
                Only the latest release gets fixes. We answer within a day.
                Email security@yourcompany.com
                -->

                ## Reporting a Vulnerability

                Report it privately to security@acme-widgets.io. <!-- or security@acme.example -->
                """;

            Assert.Equal(new[] { PolicyProblemKind.NoSupportedVersions, PolicyProblemKind.NoResponseTime }, Kinds(text));
        }

        [Fact]
        public void A_channel_inside_a_comment_does_not_count()
        {
            string text = WithReporting("## Reporting a Vulnerability", "Report it privately. <!-- security@acme-widgets.io -->");
            Assert.Equal(new[] { PolicyProblemKind.NoPrivateContact }, Unusable(text));
        }

        [Theory]
        [InlineData("## Supported Versions\n\n| 2.x | yes |")]
        [InlineData("## Versions\n\n- 3.1 and later")]
        [InlineData("### Version support\n\nOnly the latest release.")]
        [InlineData("## Supported releases\n\nSee https://acme-widgets.io/releases for the support window.")]
        [InlineData("Only the latest release is supported.")]
        [InlineData("We support the current and the previous major version.")]
        [InlineData("Security fixes go to 4.x and 5.x.")]
        public void Supported_versions_statements_are_recognised(string statement)
        {
            string text = $"# Security\n\n{statement}\n\n## Reporting a Vulnerability\n\nEmail security@acme-widgets.io and we will answer within 2 days.\n";
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Theory]
        [InlineData("## Supported Versions\n\nPlease check which versions are supported before reporting.")]
        [InlineData("Please mention the supported versions you tested.")]
        [InlineData("## Security Updates\n\nWe publish release notes.")]
        [InlineData("Include the version you used.")]
        [InlineData("<!-- ## Supported Versions\n| 2.x | yes | -->")]
        public void Statements_that_name_no_version_are_incomplete(string statement)
        {
            string text = $"# Security\n\n{statement}\n\n## Reporting a Vulnerability\n\nEmail security@acme-widgets.io and we will answer within 2 days.\n";
            var problem = Assert.Single(SecurityPolicyChecker.Check(text));
            Assert.Equal(PolicyProblemKind.NoSupportedVersions, problem.Kind);
            Assert.Equal(PolicyLevel.Incomplete, problem.Level);
        }

        [Theory]
        [InlineData("We answer within three working days.")]
        [InlineData("You will get an acknowledgment within 48 hours.")]
        [InlineData("Expect a reply within a week.")]
        [InlineData("We aim to respond within 2-3 business days.")]
        [InlineData("### Response timeline\n\n- 72 hours: first look")]
        public void Response_time_statements_are_recognised(string statement)
        {
            string text = $"# Security\n\nOnly the latest release is supported.\n\nReport vulnerabilities to security@acme-widgets.io.\n\n{statement}\n";
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Theory]
        [InlineData("We respond as soon as we can.")]
        [InlineData("Please give us 90 days before you publish anything.")]
        public void Without_a_duration_there_is_no_response_time(string statement)
        {
            string text = $"# Security\n\nOnly the latest release is supported.\n\nReport vulnerabilities to security@acme-widgets.io.\n\n{statement}\n";
            var problem = Assert.Single(SecurityPolicyChecker.Check(text));
            Assert.Equal(PolicyProblemKind.NoResponseTime, problem.Kind);
            Assert.Equal(PolicyLevel.Incomplete, problem.Level);
        }

        [Fact]
        public void A_policy_that_only_lacks_versions_and_response_time_is_usable()
        {
            const string reportingOnly = """
                # Security

                ## Reporting Security Issues

                Please do not report security vulnerabilities through public GitHub issues. Instead, report them at
                https://security.acme-widgets.io/report or email secure@acme-widgets.io.
                """;

            Assert.Empty(Unusable(reportingOnly));
            Assert.All(SecurityPolicyChecker.Check(reportingOnly), p => Assert.Equal(PolicyLevel.Incomplete, p.Level));
        }

        [Fact]
        public void Every_message_of_the_checker_pasted_into_a_policy_is_a_placeholder()
        {
            string[] inputs = { string.Empty, "# A\n## B\n", "# Security\nBe nice.", "Open an issue for security bugs.", WithReporting("## Contact", "Be kind."), "x\n[Current Date]\n" };
            var messages = inputs.SelectMany(i => SecurityPolicyChecker.Check(i)).Select(p => p.Message).Distinct().ToList();

            Assert.True(messages.Count >= 7, string.Join("\n", messages));
            foreach (string message in messages)
            {
                Assert.Contains(SecurityPolicyChecker.Check(Policies.Complete + "\n" + message + "\n"), p => p.Kind == PolicyProblemKind.Placeholder);
            }
        }
    }
}
