using System;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// Finds a private way to report a vulnerability in one line: a real email address, or an https link to a
    /// report form (GitHub private advisories, a bug-bounty platform, a vulnerability-disclosure or report page,
    /// a security.txt). Scans by hand around each '@' and "https://", so a long line costs one pass.
    /// </summary>
    internal static class ContactFinder
    {
        private static readonly string[] BountyHosts =
        {
            "hackerone.com", "bugcrowd.com", "intigriti.com", "yeswehack.com", "huntr.com", "huntr.dev", "zerodayinitiative.com",
        };

        // Path words that make a link a report channel on their own.
        private static readonly string[] ReportPathWords =
        {
            "/security/advisories", "/security/policy", "security.txt", "vulnerab", "disclos", "/report", "bug-bounty", "bugbounty", "responsible",
        };

        // Line words that make a link to a "security" page a report channel ("report it via our security page").
        private static readonly string[] ReportLineWords = { "report", "vulnerab", "disclos", "contact" };

        /// <summary>The first real (non-placeholder) private contact in the line, or null.</summary>
        public static string? FindContact(string line)
        {
            return FindEmail(line) ?? FindReportLink(line);
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
                if (!PlaceholderFinder.IsPlaceholderAddress(address))
                {
                    return address;
                }
            }

            return null;
        }

        public static string? FindReportLink(string line)
        {
            int index = 0;
            while ((index = line.IndexOf("https://", index, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                int end = index;
                while (end < line.Length && !IsUrlTerminator(line[end]))
                {
                    end++;
                }

                string url = line.Substring(index, end - index);
                index = end;
                if (PlaceholderFinder.IsPlaceholderAddress(url) || !IsReportChannel(url, line))
                {
                    continue;
                }

                return url;
            }

            return null;
        }

        private static bool IsReportChannel(string url, string line)
        {
            string rest = url.Substring("https://".Length);
            int slash = rest.IndexOf('/');
            string host = (slash < 0 ? rest : rest.Substring(0, slash)).ToLowerInvariant();
            string path = slash < 0 ? string.Empty : rest.Substring(slash).ToLowerInvariant();

            foreach (string bounty in BountyHosts)
            {
                if (host == bounty || host.EndsWith("." + bounty, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            if (host.StartsWith("security.", StringComparison.Ordinal) || host.StartsWith("msrc.", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (string word in ReportPathWords)
            {
                if (path.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            if (path.IndexOf("security", StringComparison.Ordinal) >= 0)
            {
                foreach (string word in ReportLineWords)
                {
                    if (line.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsLocalChar(char c) =>
            c < 0x80 && (char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');

        private static bool IsHostChar(char c) => c < 0x80 && (char.IsLetterOrDigit(c) || c == '.' || c == '-');

        private static bool IsUrlTerminator(char c) =>
            char.IsWhiteSpace(c) || c == ')' || c == '>' || c == ']' || c == '"' || c == '\'' || c == '`' || c == '*';

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
