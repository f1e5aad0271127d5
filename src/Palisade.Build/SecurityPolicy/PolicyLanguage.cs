using System;
using System.Text.RegularExpressions;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// What a sentence of a policy says, read from its words (see <see cref="PolicyDocument.Words"/>): does it
    /// explain how to report, send reporters to public issues, name supported versions, promise a response time.
    /// Every pattern works on one sentence of at most a few thousand characters and has no nested repetition.
    /// </summary>
    internal static class PolicyLanguage
    {
        private static readonly Regex PublicIssueChannel = new Regex(
            @" (public|regular|normal|plain|github|gitlab)( \w+){0,2} (issue|issues|ticket|tickets|bug report|bug reports) " +
            @"| (open|opening|file|filing|create|creating|raise|raising|submit|submitting|log|post|posting)( (a|an|the))?( (new|github|gitlab|public|regular|normal))? (issue|issues|ticket|tickets|bug report) " +
            @"| (issue|issues) (on|in) (github|gitlab|the tracker|our tracker)" +
            @"| (issue|bug) tracker| issues (page|tab|section|list)| as (an )?(issue|issues) ",
            RegexOptions.CultureInvariant);

        // A link to an issue list or an issue ("github.com/o/r/issues", ".../issues/new"), not "/issues-security/".
        private static readonly Regex IssuesLink = new Regex(@"/issues(?=$|[/?#)\]>\s.,;:])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Negation = new Regex(
            @" (not|never|avoid|avoiding|refrain|without|instead|rather|except|no public)( |$)|n t ",
            RegexOptions.CultureInvariant);

        private static readonly Regex Duration = new Regex(
            @" (\d+|a|an|one|two|three|four|five|six|seven|ten|fourteen|thirty|sixty|ninety)( \d+)?( business| working| calendar| full)? (hours|hour|hrs|days|day|weeks|week|months|month) | \d+ ?h ",
            RegexOptions.CultureInvariant);

        private static readonly Regex VersionNumber = new Regex(
            @"(^|[^\w.])v?\d+(\.(\d+|x|X|\*))+|(^|[^\w])v\d+\b|\b(version|release|major|branch)s? \d+\b",
            RegexOptions.CultureInvariant);

        /// <summary>A sentence about how to report a vulnerability: "email security@... to report a vulnerability", "disclose responsibly to...".</summary>
        public static bool IsAboutReporting(string words)
        {
            bool action = Has(words, "report") || Has(words, "disclos") || Has(words, "email") || Has(words, "e mail")
                || Has(words, "contact") || Has(words, "send") || Has(words, "submit") || Has(words, "notify") || Has(words, "reach")
                || Has(words, "let us know") || Has(words, "tell us") || Has(words, "write to");
            return action && MentionsSecurity(words);
        }

        public static bool MentionsSecurity(string words) =>
            Has(words, "vulnerab") || Has(words, "secur") || Has(words, "exploit") || Has(words, "cve");

        /// <summary>"open an issue", "report it as a regular public issue", a link to /issues: a public channel, unless negated.</summary>
        public static bool MentionsPublicIssues(PolicySentence sentence) =>
            PublicIssueChannel.IsMatch(sentence.Words) || IssuesLink.IsMatch(sentence.Text);

        /// <summary>"do not", "never", "don't", "instead of", "rather than": the sentence says what not to do.</summary>
        public static bool IsNegated(string words) => Negation.IsMatch(words);

        /// <summary>
        /// True when the block sends reporters to public issues: one of its sentences points at issues without
        /// saying "not", and that sentence is about security (or no other sentence of the block is). So
        /// "For bugs open an issue; for vulnerabilities email security@acme.io" does not send reporters there.
        /// </summary>
        public static PolicySentence? PublicIssueDirection(PolicyBlock block)
        {
            // Counted once, so a block of many sentences costs one pass, not one pass per sentence.
            int aboutSecurity = 0;
            foreach (PolicySentence sentence in block.Sentences)
            {
                if (MentionsSecurity(sentence.Words))
                {
                    aboutSecurity++;
                }
            }

            foreach (PolicySentence sentence in block.Sentences)
            {
                if (!MentionsPublicIssues(sentence) || IsNegated(sentence.Words))
                {
                    continue;
                }

                bool self = MentionsSecurity(sentence.Words);
                if (self || aboutSecurity == 0)
                {
                    return sentence;
                }
            }

            return null;
        }

        /// <summary>
        /// "Only the latest release receives security fixes", "We support 2.x and 3.x", "Fixes go to the current major
        /// version": a support word, a version word and a named version. "See the supported versions" names none.
        /// </summary>
        public static bool NamesSupportedVersions(PolicySentence sentence)
        {
            string w = sentence.Words;
            bool support = Has(w, "support") || Has(w, "fix") || Has(w, "patch") || Has(w, "maintain") || Has(w, "receiv")
                || Has(w, "backport") || Has(w, "security update");
            bool version = Has(w, "version") || Has(w, "release") || HasWord(w, "major") || HasWord(w, "minor") || Has(w, "branch") || HasWord(w, "lts")
                || VersionNumber.IsMatch(sentence.Text);
            return support && version && (NamesVersion(sentence.Text, w) || sentence.Text.IndexOf("https://", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        /// <summary>A version number (1.2, 2.x, v3, "version 4") or a word that names versions (latest, current, all, LTS...).</summary>
        public static bool NamesVersion(string text, string words) =>
            VersionNumber.IsMatch(text)
            || HasWord(words, "latest") || HasWord(words, "current") || HasWord(words, "newest") || HasWord(words, "most recent")
            || HasWord(words, "last") || HasWord(words, "all") || HasWord(words, "every") || HasWord(words, "lts")
            || HasWord(words, "stable") || HasWord(words, "main") || HasWord(words, "master") || HasWord(words, "previous")
            || HasWord(words, "prior") || HasWord(words, "older");

        /// <summary>A line under a "Supported Versions" heading that names versions: a version, a table mark, a link.</summary>
        public static bool NamesVersionInSection(string text, string words)
        {
            if (NamesVersion(text, words) || text.IndexOf("https://", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            // Marks count in a table row or a list item ("| 2.x | yes |", "- main: supported"), not in prose.
            string trimmed = text.TrimStart();
            bool row = trimmed.StartsWith("|", StringComparison.Ordinal) || trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal);
            return row && (HasWord(words, "yes") || HasWord(words, "no") || HasWord(words, "supported")
                || text.IndexOf("\u2705", StringComparison.Ordinal) >= 0 || text.IndexOf(":white_check_mark:", StringComparison.Ordinal) >= 0);
        }

        /// <summary>A duration next to a response word: "we answer within three working days", "Acknowledgment: 48 hours".</summary>
        public static bool PromisesResponseTime(string words, bool inResponseSection) =>
            Duration.IsMatch(words) && (inResponseSection || IsAboutResponding(words));

        /// <summary>"Response time", "What to expect", "Timeline", "Disclosure process": a section whose durations are response times.</summary>
        public static bool IsResponseHeading(string words) =>
            Has(words, "respon") || Has(words, "timeline") || Has(words, "expect") || HasWord(words, "sla") || Has(words, "acknowledg")
            || Has(words, "process");

        private static bool IsAboutResponding(string w) =>
            Has(w, "respon") || Has(w, "acknowledg") || Has(w, "answer") || Has(w, "reply") || Has(w, "replie")
            || Has(w, "get back") || Has(w, "hear back") || Has(w, "hear from") || Has(w, "triag") || Has(w, "confirm")
            || Has(w, "update") || Has(w, "assess") || Has(w, "receipt") || Has(w, "reach out") || Has(w, "contact you")
            || Has(w, "follow up") || Has(w, "back to you") || Has(w, "initial");

        /// <summary>True when a word of <paramref name="words"/> starts with <paramref name="stem"/> (which may span words).</summary>
        public static bool Has(string words, string stem) => words.IndexOf(" " + stem, StringComparison.Ordinal) >= 0;

        /// <summary>True when <paramref name="phrase"/> appears as whole words.</summary>
        public static bool HasWord(string words, string phrase) => words.IndexOf(" " + phrase + " ", StringComparison.Ordinal) >= 0;
    }
}
