using System;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// Finds a private way to report a vulnerability in one sentence, as a reporter would read it: an email address
    /// that is not a placeholder, GitHub private vulnerability reporting (by link or in words), or an https link to
    /// a security, trust or disclosure page or to a bug-bounty programme. Scans by hand around each '@' and
    /// "https://", so a long sentence costs one pass.
    /// </summary>
    internal static class ContactFinder
    {
        private static readonly string[] BountyHosts =
        {
            "hackerone.com", "bugcrowd.com", "intigriti.com", "yeswehack.com", "huntr.com", "huntr.dev", "zerodayinitiative.com",
            "immunefi.com", "hackenproof.com", "openbugbounty.org", "yogosha.com", "federacy.com", "issuehunt.io",
        };

        // First path segments of bounty platforms that are articles, not a programme ("hackerone.com/blog/...").
        private static readonly string[] BountyArticleSegments =
        {
            "blog", "resources", "knowledge-center", "reports", "hacktivity", "news", "press", "about", "company", "platform",
            "solutions", "product", "products", "events", "customers", "careers", "docs", "glossary", "hackers", "leaderboard",
            "directory", "terms", "privacy", "disclosure-guidelines", "vulnerability-management", "security", "contact", "pricing",
        };

        // Reference sites a policy links to for background (scores, weakness lists, key servers): never a channel.
        private static readonly string[] ReferenceHosts =
        {
            "first.org", "owasp.org", "cve.org", "mitre.org", "nist.gov", "semver.org", "wikipedia.org", "openpgp.org", "keybase.io",
            "keyserver.ubuntu.com", "pgp.mit.edu", "cisa.gov", "cert.org", "iso.org", "ietf.org", "rfc-editor.org",
        };

        // Host labels that name a security page on their own ("security.acme.io", "trust.acme.io").
        private static readonly string[] SecurityHostLabels = { "security", "trust", "psirt", "cert", "msrc", "vdp", "disclosure", "bugbounty", "bounty" };

        // Path words that make a link a report channel on their own.
        private static readonly string[] StrongPathWords =
        {
            "vuln", "disclos", "security.txt", "bug-bounty", "bugbounty", "bug_bounty", "bounty", "psirt", "vdp", "responsible",
            "report-a-", "security-report", "securityreport", "security.md",
        };

        // Path words that make a link a security or trust page unless it is documentation about something else.
        private static readonly string[] WeakPathWords = { "security", "trust" };

        // Hosts and path segments of documentation, blogs and guides: a "security" page there is advice, not a channel.
        private static readonly string[] DocumentationHostLabels = { "docs", "doc", "documentation", "wiki", "blog", "learn", "help", "developer", "developers" };

        private static readonly string[] DocumentationSegments =
        {
            "docs", "doc", "documentation", "guide", "guides", "manual", "blog", "news", "articles", "article", "tutorial", "tutorials",
            "wiki", "best-practices", "hardening", "configuration", "learn", "reference", "api",
        };

        /// <summary>The first private channel in <paramref name="sentence"/>, or null. Sentences with placeholders never count.</summary>
        public static string? FindChannel(PolicySentence sentence)
        {
            string text = sentence.Text;
            return FindEmail(text) ?? FindObfuscatedEmail(text) ?? FindReportLink(text, sentence.Words) ?? FindGitHubReportingInWords(sentence);
        }

        public static string? FindEmail(string line)
        {
            int at = -1;
            while ((at = line.IndexOf('@', at + 1)) >= 0)
            {
                int start = at;
                while (start > 0 && IsLocalChar(line[start - 1]))
                {
                    start--;
                }

                int end = at + 1;
                while (end < line.Length && IsHostChar(line[end]))
                {
                    end++;
                }

                // Trailing dots belong to the sentence, not the host.
                while (end > at + 1 && line[end - 1] == '.')
                {
                    end--;
                }

                if (start == at || end == at + 1)
                {
                    continue;
                }

                string host = line.Substring(at + 1, end - at - 1);
                int lastDot = host.LastIndexOf('.');
                if (lastDot <= 0 || host.Length - lastDot - 1 < 2 || !IsAllLetters(host, lastDot + 1))
                {
                    continue;
                }

                string address = line.Substring(start, end - start);
                string local = line.Substring(start, at - start);
                if (!PlaceholderFinder.IsPlaceholderAddress(address) && !IsNoReplyLocalPart(local))
                {
                    return address;
                }
            }

            return null;
        }

        /// <summary>"security [at] acme [dot] io", "security(at)acme.io": an address written to dodge scrapers.</summary>
        public static string? FindObfuscatedEmail(string line)
        {
            foreach (string marker in new[] { "[at]", "(at)", "{at}", "[@]" })
            {
                int index = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                if (index <= 0)
                {
                    continue;
                }

                string normalized = line.Substring(0, index).TrimEnd() + "@" + line.Substring(index + marker.Length).TrimStart();
                normalized = normalized.Replace(" [dot] ", ".").Replace("[dot]", ".").Replace(" (dot) ", ".").Replace("(dot)", ".")
                    .Replace(" {dot} ", ".").Replace("{dot}", ".").Replace(" dot ", ".");
                string? address = FindEmail(normalized);
                if (address != null)
                {
                    return address;
                }
            }

            return null;
        }

        public static string? FindReportLink(string line, string sentenceWords)
        {
            int index = 0;
            while ((index = line.IndexOf("https://", index, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                int end = index;
                while (end < line.Length && !IsUrlTerminator(line[end]))
                {
                    end++;
                }

                string url = line.Substring(index, end - index).TrimEnd('.', ',', ';', ':');
                index = end;
                if (PlaceholderFinder.IsPlaceholderAddress(url) || PlaceholderFinder.HasOwnerRepoPath(url) || !IsReportChannel(url, sentenceWords))
                {
                    continue;
                }

                return url;
            }

            return null;
        }

        /// <summary>
        /// "Use the Report a vulnerability button on the Security tab", "report it through GitHub's private
        /// vulnerability reporting", "open a draft security advisory": GitHub's private reporting named in words.
        /// </summary>
        public static string? FindGitHubReportingInWords(PolicySentence sentence)
        {
            string w = sentence.Words;
            bool reportVerb = PolicyLanguage.Has(w, "report") || PolicyLanguage.Has(w, "submit") || PolicyLanguage.Has(w, "open")
                || PolicyLanguage.Has(w, "creat") || PolicyLanguage.Has(w, "draft") || PolicyLanguage.Has(w, "privat")
                || PolicyLanguage.Has(w, "disclos") || PolicyLanguage.Has(w, "file ") || PolicyLanguage.Has(w, "send");
            if (!reportVerb)
            {
                return null;
            }

            if (PolicyLanguage.Has(w, "private vulnerability report") || PolicyLanguage.Has(w, "privately report a vulnerability")
                || (PolicyLanguage.Has(w, "report a vulnerability") && (PolicyLanguage.Has(w, "button") || PolicyLanguage.Has(w, "security tab") || PolicyLanguage.Has(w, "github")))
                || (PolicyLanguage.Has(w, "security tab") && (PolicyLanguage.Has(w, "report") || PolicyLanguage.Has(w, "privat")))
                || (PolicyLanguage.Has(w, "security advisor") && !PolicyLanguage.Has(w, "publish") && !PolicyLanguage.Has(w, "subscrib")
                    && !PolicyLanguage.Has(w, "announce") && (PolicyLanguage.Has(w, "github") || PolicyLanguage.Has(w, "draft") || PolicyLanguage.Has(w, "privat"))))
            {
                // "Use the [advisory form](https://github.com/yourusername/app/...)": a template, not a channel.
                return PlaceholderFinder.Find(sentence.Text).Count == 0 ? "GitHub private vulnerability reporting" : null;
            }

            return null;
        }

        private static bool IsReportChannel(string url, string sentenceWords)
        {
            string rest = url.Substring("https://".Length);
            int slash = rest.IndexOfAny(new[] { '/', '?', '#' });
            string host = (slash < 0 ? rest : rest.Substring(0, slash)).ToLowerInvariant();
            string path = slash < 0 ? string.Empty : rest.Substring(slash).ToLowerInvariant();
            if (host.StartsWith("www.", StringComparison.Ordinal))
            {
                host = host.Substring(4);
            }

            string[] segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            bool aboutReporting = PolicyLanguage.Has(sentenceWords, "report") || PolicyLanguage.Has(sentenceWords, "submit")
                || PolicyLanguage.Has(sentenceWords, "disclos") || PolicyLanguage.Has(sentenceWords, "privat") || PolicyLanguage.Has(sentenceWords, "contact")
                || PolicyLanguage.Has(sentenceWords, "send") || PolicyLanguage.Has(sentenceWords, "notify") || PolicyLanguage.Has(sentenceWords, "vulnerab")
                || PolicyLanguage.Has(sentenceWords, "policy");

            foreach (string bounty in BountyHosts)
            {
                if (host == bounty || host.EndsWith("." + bounty, StringComparison.Ordinal))
                {
                    // A programme page ("hackerone.com/acme"), not an article on the platform's site.
                    return host.IndexOf("docs.", StringComparison.Ordinal) < 0 && host.IndexOf("blog.", StringComparison.Ordinal) < 0
                        && segments.Length > 0 && Array.IndexOf(BountyArticleSegments, segments[0]) < 0;
                }
            }

            if (host == "github.com")
            {
                return IsGitHubReportLink(segments, aboutReporting);
            }

            foreach (string word in StrongPathWords)
            {
                if (path.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            string[] labels = host.Split('.');
            bool securityHost = false;
            for (int i = 0; i < labels.Length - 1; i++)
            {
                if (Array.IndexOf(SecurityHostLabels, labels[i]) >= 0)
                {
                    securityHost = true;
                }
            }

            bool documentation = Array.IndexOf(DocumentationHostLabels, labels[0]) >= 0 || Contains(segments, DocumentationSegments);
            bool adviceSentence = PolicyLanguage.Has(sentenceWords, "harden") || PolicyLanguage.Has(sentenceWords, "best practice")
                || PolicyLanguage.Has(sentenceWords, "advice") || PolicyLanguage.Has(sentenceWords, "configur") || PolicyLanguage.Has(sentenceWords, "learn more");
            if (securityHost)
            {
                return !documentation || aboutReporting;
            }

            foreach (string word in WeakPathWords)
            {
                if (path.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return aboutReporting || (!documentation && !adviceSentence);
                }
            }

            // Any other page counts when the sentence says it is where to report, or that it is the security policy:
            // "report vulnerabilities through the form at https://acme.io/contact", "our security policy: https://...".
            bool namedAsChannel = PolicyLanguage.IsAboutReporting(sentenceWords) || PolicyLanguage.Has(sentenceWords, "security polic")
                || PolicyLanguage.Has(sentenceWords, "disclosure polic") || PolicyLanguage.Has(sentenceWords, "security contact");
            return namedAsChannel && !adviceSentence && !IsReferenceHost(host);
        }

        /// <summary>
        /// github.com/o/r/security/advisories/new is the private report form; the Security tab, the advisory list and
        /// a SECURITY.md elsewhere are channels when the sentence is about reporting. Issues and discussions never are.
        /// </summary>
        private static bool IsGitHubReportLink(string[] segments, bool aboutReporting)
        {
            if (segments.Length >= 3 && segments[2] == "security")
            {
                bool form = segments.Length >= 5 && segments[3] == "advisories" && segments[4] == "new";
                return form || aboutReporting;
            }

            // An organisation-wide policy: github.com/acme/.github/blob/main/SECURITY.md
            return segments.Length > 0 && segments[segments.Length - 1].StartsWith("security.md", StringComparison.Ordinal);
        }

        private static bool IsReferenceHost(string host)
        {
            foreach (string reference in ReferenceHosts)
            {
                if (host == reference || host.EndsWith("." + reference, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(string[] segments, string[] words)
        {
            foreach (string segment in segments)
            {
                if (Array.IndexOf(words, segment) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNoReplyLocalPart(string local)
        {
            string lower = local.ToLowerInvariant();
            return lower == "noreply" || lower == "no-reply" || lower == "donotreply" || lower == "do-not-reply" || lower == "git";
        }

        private static bool IsLocalChar(char c) =>
            c < 0x80 && (char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');

        private static bool IsHostChar(char c) => c < 0x80 && (char.IsLetterOrDigit(c) || c == '.' || c == '-');

        private static bool IsUrlTerminator(char c) =>
            char.IsWhiteSpace(c) || c == ')' || c == '>' || c == ']' || c == '"' || c == '\'' || c == '`' || c == '*' || c == '<';

        private static bool IsAllLetters(string text, int start)
        {
            for (int i = start; i < text.Length; i++)
            {
                if (!char.IsLetter(text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
