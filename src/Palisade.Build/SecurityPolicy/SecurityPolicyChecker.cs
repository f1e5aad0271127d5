using System;
using System.Collections.Generic;
using System.Linq;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// The SECURITY.md content check: a pure function from the text of a policy to the list of its problems, judged
    /// the way someone who found a vulnerability would read it. Unusable (PAL5002): no private channel, only public
    /// issues, template text, nothing but headings. Incomplete (PAL5003): no supported versions, no response time.
    /// HTML comments are invisible to a reader and so to every check.
    /// </summary>
    internal static class SecurityPolicyChecker
    {
        /// <summary>Fewer visible characters than this, and no private channel: the file is too short to be usable.</summary>
        public const int MinimumLength = 80;

        public static IReadOnlyList<PolicyProblem> Check(string text)
        {
            var problems = new List<PolicyProblem>();
            if (CountVisible(text) == 0)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.Empty, 0,
                    PolicyMessages.Empty + ": " + PolicyMessages.ChannelSuggestion));
                return problems;
            }

            if (LooksBinary(text))
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.NotText, 0,
                    PolicyMessages.NotText + " (binary content or an unknown encoding): save it as UTF-8 Markdown"));
                return problems;
            }

            var document = PolicyDocument.Parse(text);
            int visible = CountVisible(string.Join("\n", document.Lines));
            if (visible == 0)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.Empty, 0,
                    PolicyMessages.Empty + " once its HTML comments are left out (readers never see them): " + PolicyMessages.ChannelSuggestion));
                return problems;
            }

            if (document.Blocks.Count == 0)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.HeadingsOnly, 0,
                    PolicyMessages.HeadingsOnly + " and no text a reporter can act on: " + PolicyMessages.ChannelSuggestion));
                return problems;
            }

            AddChannelProblems(document, visible, problems);
            AddPlaceholders(document, problems);
            AddIncompleteness(document, problems);
            return problems;
        }

        private static void AddChannelProblems(PolicyDocument document, int visible, List<PolicyProblem> problems)
        {
            string? channel = null;
            PolicySentence? publicDirection = null;
            bool reportingSentence = false;
            foreach (PolicyBlock block in document.Blocks)
            {
                PolicySentence? direction = PolicyLanguage.PublicIssueDirection(block);
                publicDirection ??= direction;
                foreach (PolicySentence sentence in block.Sentences)
                {
                    reportingSentence |= PolicyLanguage.IsAboutReporting(sentence.Words);

                    // A block that sends reporters to public issues offers no private channel, whatever it links to.
                    if (channel == null && direction == null)
                    {
                        channel = ContactFinder.FindChannel(sentence);
                    }
                }
            }

            // Whole-line bold text counts as a heading, and "**Email security@acme.io**" is a channel all the same.
            foreach (PolicyHeading heading in document.Headings)
            {
                channel ??= ContactFinder.FindEmail(heading.Text) ?? ContactFinder.FindReportLink(heading.Text, heading.Words);
            }

            if (channel != null)
            {
                return;
            }

            PolicyHeading? reporting = document.Headings.FirstOrDefault(h => IsReportingHeading(h.Words));
            if (publicDirection != null)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.PublicIssuesOnly, publicDirection.Line,
                    PolicyMessages.PublicIssuesOnly + ", so every vulnerability is disclosed before it is fixed: " + PolicyMessages.ChannelSuggestion));
            }
            else if (visible < MinimumLength)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.TooShort, 0,
                    $"{PolicyMessages.TooShort}: {visible} characters of text and no private way to report a vulnerability; {PolicyMessages.ChannelSuggestion}"));
            }
            else
            {
                if (reporting == null && !reportingSentence)
                {
                    problems.Add(new PolicyProblem(PolicyProblemKind.NoReportingSection, 0,
                        PolicyMessages.NoReportingSection + ": " + PolicyMessages.ChannelSuggestion));
                }

                problems.Add(new PolicyProblem(PolicyProblemKind.NoPrivateContact, reporting?.Line ?? 0,
                    PolicyMessages.NoPrivateContact + " (an email address, GitHub private vulnerability reporting, or an https link to a security or bug-bounty page): "
                    + PolicyMessages.ChannelSuggestion));
            }
        }

        private static void AddPlaceholders(PolicyDocument document, List<PolicyProblem> problems)
        {
            for (int i = 0; i < document.Lines.Length; i++)
            {
                if (document.InCodeBlock[i])
                {
                    continue;
                }

                string? next = i + 1 < document.Lines.Length && !document.InCodeBlock[i + 1] ? document.Lines[i + 1] : null;
                List<string> placeholders = PlaceholderFinder.Find(document.Lines[i], next);
                if (placeholders.Count > 0)
                {
                    problems.Add(new PolicyProblem(PolicyProblemKind.Placeholder, i + 1,
                        $"{PolicyMessages.Placeholder} ({string.Join(", ", placeholders.Select(p => "'" + p + "'"))}): replace it with the real contact or text"));
                }
            }
        }

        private static void AddIncompleteness(PolicyDocument document, List<PolicyProblem> problems)
        {
            bool versions = document.Headings.Any(h => IsVersionsHeading(h.Words) && SectionNamesVersions(document, h));
            bool response = false;
            foreach (PolicyBlock block in document.Blocks)
            {
                foreach (PolicySentence sentence in block.Sentences)
                {
                    versions = versions || PolicyLanguage.NamesSupportedVersions(sentence);
                    if (!response)
                    {
                        PolicyHeading? section = SectionOf(document, sentence.Line);
                        response = PolicyLanguage.PromisesResponseTime(sentence.Words, section != null && PolicyLanguage.IsResponseHeading(section.Words));
                    }
                }
            }

            if (!versions)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.NoSupportedVersions, 0,
                    PolicyMessages.NoSupportedVersions + ": " + PolicyMessages.VersionsSuggestion));
            }

            if (!response)
            {
                problems.Add(new PolicyProblem(PolicyProblemKind.NoResponseTime, 0,
                    PolicyMessages.NoResponseTime + ": " + PolicyMessages.ResponseSuggestion));
            }
        }

        /// <summary>True when a line under <paramref name="heading"/> (up to the next heading) names a version, a table mark or a link.</summary>
        private static bool SectionNamesVersions(PolicyDocument document, PolicyHeading heading)
        {
            // heading.Line is 1-based, so it is the 0-based index of the line after the heading.
            for (int i = heading.Line; i < document.Lines.Length; i++)
            {
                if (document.IsHeadingLine[i])
                {
                    if (i == heading.Line)
                    {
                        continue; // the heading's own setext underline
                    }

                    break;
                }

                if (!document.InCodeBlock[i] && PolicyLanguage.NamesVersionInSection(document.Lines[i], PolicyDocument.Words(document.Lines[i])))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The last heading at or above <paramref name="line"/>, or null (binary search: headings are in line order).</summary>
        private static PolicyHeading? SectionOf(PolicyDocument document, int line)
        {
            List<PolicyHeading> headings = document.Headings;
            int low = 0;
            int high = headings.Count - 1;
            PolicyHeading? found = null;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                if (headings[middle].Line <= line)
                {
                    found = headings[middle];
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return found;
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

        /// <summary>True when a word of <paramref name="words"/> starts with <paramref name="stem"/>.</summary>
        private static bool Has(string words, string stem) => PolicyLanguage.Has(words, stem);

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
