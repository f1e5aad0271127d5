using System;
using System.Collections.Generic;
using System.Linq;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// The PAL5002 content check: a pure function from the text of a SECURITY.md to the list of its problems.
    /// A useful policy tells a finder where to report privately (a reporting section with a real contact)
    /// and which versions get fixes; a copied template that still says security@yourcompany.com does neither.
    /// </summary>
    internal static class SecurityPolicyChecker
    {
        /// <summary>Fewer non-blank characters than this cannot hold a reporting section, a contact and the supported versions.</summary>
        public const int MinimumLength = 80;

        public static IReadOnlyList<PolicyProblem> Check(string text)
        {
            var problems = new List<PolicyProblem>();
            int visible = CountVisible(text);
            if (visible == 0)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.Empty, 0,
                    "SECURITY.md is empty: say how to report a vulnerability privately and which versions get security fixes"));
                return problems;
            }

            if (LooksBinary(text))
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.NotText, 0,
                    "SECURITY.md is not readable text (binary content or an unknown encoding): save it as UTF-8 Markdown"));
                return problems;
            }

            if (visible < MinimumLength)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.TooShort, 0,
                    $"SECURITY.md has only {visible} characters of text: a policy needs a reporting section, a private contact and the supported versions"));
            }

            var document = PolicyDocument.Parse(text);
            PolicyHeading? reporting = document.Headings.FirstOrDefault(h => IsReportingHeading(h.Words));
            bool hasReporting = reporting != null || (document.Headings.Count == 0 && AnyLine(document, IsReportingSentence));
            if (!hasReporting)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.NoReportingSection, 0,
                    "SECURITY.md has no section on how to report a vulnerability: add one, e.g. '## Reporting a Vulnerability'"));
            }

            if (!AnyLine(document, line => ContactFinder.FindContact(line) != null))
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.NoPrivateContact, reporting?.Line ?? 0,
                    "SECURITY.md gives no private contact for reports: add a security email address or an https link to a private report form (e.g. https://github.com/OWNER/REPO/security/advisories/new)"));
            }

            for (int i = 0; i < document.Lines.Length; i++)
            {
                if (document.InCodeBlock[i])
                {
                    continue;
                }

                List<string> placeholders = PlaceholderFinder.Find(document.Lines[i]);
                if (placeholders.Count > 0)
                {
                    problems.Add(new PolicyProblem(PolicyProblemKind.Placeholder, i + 1,
                        $"SECURITY.md still has template placeholder text ({string.Join(", ", placeholders.Select(p => "'" + p + "'"))}): replace it with the real contact or text"));
                }
            }

            bool hasVersions = document.Headings.Any(h => IsVersionsHeading(h.Words)) || AnyLine(document, IsSupportedVersionsSentence);
            if (!hasVersions)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.NoSupportedVersions, 0,
                    "SECURITY.md does not say which versions get security fixes: add a '## Supported Versions' section"));
            }

            return problems;
        }

        /// <summary>"Reporting a Vulnerability", "Reporting Security Issues", "Vulnerability Disclosure", "Security contact", "How to report".</summary>
        internal static bool IsReportingHeading(string words)
        {
            bool action = Has(words, "report") || Has(words, "contact") || Has(words, "disclos");
            bool topic = Has(words, "vulnerab") || Has(words, "secur") || Has(words, "disclos")
                || words == " how to report " || words == " reporting " || words == " report ";
            return action && topic;
        }

        /// <summary>"Supported Versions", "Versions", "Version support", "Supported releases".</summary>
        internal static bool IsVersionsHeading(string words) =>
            Has(words, "version") || (Has(words, "support") && Has(words, "release"));

        private static bool IsReportingSentence(string line)
        {
            string words = PolicyDocument.Words(line);
            return (Has(words, "report") || Has(words, "disclos")) && (Has(words, "vulnerab") || Has(words, "secur"));
        }

        private static bool IsSupportedVersionsSentence(string line)
        {
            string words = PolicyDocument.Words(line);
            return Has(words, "support") && (Has(words, "version") || Has(words, "release"));
        }

        /// <summary>True when a word of <paramref name="words"/> starts with <paramref name="stem"/>.</summary>
        private static bool Has(string words, string stem) => words.IndexOf(" " + stem, StringComparison.Ordinal) >= 0;

        private static bool AnyLine(PolicyDocument document, Func<string, bool> test)
        {
            foreach (string line in document.Lines)
            {
                if (test(line))
                {
                    return true;
                }
            }

            return false;
        }

        private static int CountVisible(string text)
        {
            int count = 0;
            foreach (char c in text)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>NUL bytes, or more than one in ten characters being control or replacement characters, in the first 8 KB.</summary>
        private static bool LooksBinary(string text)
        {
            int sample = Math.Min(text.Length, 8192);
            int bad = 0;
            for (int i = 0; i < sample; i++)
            {
                char c = text[i];
                if (c == '\0')
                {
                    return true;
                }

                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == '\uFFFD')
                {
                    bad++;
                }
            }

            return bad * 10 > sample;
        }
    }
}
