using System;
using System.Collections.Generic;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// Finds template text left in a policy: placeholder domains and user names (yourcompany.com, example.com,
    /// acme.example, OWNER/REPO), fill-in markers ([Current Date], &lt;email&gt;, TBD), instructions to the template's
    /// user ("replace with your ...", GitHub's default SECURITY.md sentences) and Palisade's own diagnoses pasted
    /// in. Plain substring and word checks, linear in the line length.
    /// </summary>
    internal static class PlaceholderFinder
    {
        // Case-insensitive substrings that only ever appear in templates.
        private static readonly string[] TemplateFragments =
        {
            "yourcompany", "your-company", "your_company", "mycompany",
            "yourdomain", "your-domain", "your_domain", "mydomain",
            "yourorg", "your-org", "your_org",
            "yourusername", "your-username", "your_username",
            "youremail", "your-email", "your_email", "your.email@",
            "yourproject", "your-project", "your_project",
            "yourrepo", "your-repo", "your_repo",
            "replace with your", "replace this with", "(replace with", "replace with actual", "replace with the actual", "replace with real",
            "[current date]", "[date]", "[insert", "[your ", "[project name]", "[email", "[contact", "[link",
            "if applicable]", "if available]",
            "<email>", "<e-mail>", "<your", "<insert", "<contact>", "<security email>", "<owner>", "<repo>", "{owner}", "{repo}",
            "{{", "lorem ipsum",
        };

        // Template guidance, GitHub's default SECURITY.md among it, matched on the words of a line (and of a line
        // joined with the next, for a sentence that wraps). Short fragments, enough to recognise the sentences.
        private static readonly string[] TemplateSentences =
        {
            " use this section to ",
            " tell them where to go ",
            " how often they can expect to get an update ",
            " what to expect if the vulnerability is accepted ",
            " which versions of your project are ",
            " this file should contain ",
            " this document should contain ",
            " should contain instructions for ",
            " describe how to report ",
            " describe your security policy ",
            " describe the process ",
            " add your security policy ",
            " add instructions for reporting ",
            " add your contact ",
            " edit this file ",
            " update this file ",
            " customize this template ",
            " customise this template ",
            " modify this template ",
            " security policy goes here ",
            " contact details go here ",
            " list the versions of your project ",
        };

        // Palisade's own diagnoses as words, to find them pasted into a policy.
        private static readonly string[] DiagnosisWords = Array.ConvertAll(PolicyMessages.Diagnoses, PolicyDocument.Words);

        // Whole words, matched case-sensitively: "TBD" in a table is a placeholder, "tbd" inside a word is not.
        private static readonly string[] UpperCaseMarkers = { "TBD", "TBA", "TODO", "FIXME" };

        // Reserved for documentation and testing (RFC 2606, RFC 6761): a real contact never uses them.
        private static readonly string[] ExampleDomains = { "example.com", "example.org", "example.net" };

        private static readonly string[] ReservedTopLevelDomains = { "example", "test", "invalid", "localhost" };

        // Path segments that stand for "your account" and "your repository" in a URL: github.com/OWNER/REPO.
        private static readonly string[] OwnerSegments = { "owner", "user", "username", "org", "organization", "organisation", "orgname", "account", "namespace" };

        private static readonly string[] RepoSegments = { "repo", "repository", "reponame", "repo-name", "project", "project-name", "projectname" };

        /// <summary>The placeholder fragments in <paramref name="line"/>, in the order found, each once.</summary>
        public static List<string> Find(string line) => Find(line, null);

        /// <summary>As <see cref="Find(string)"/>; template sentences that wrap onto <paramref name="nextLine"/> count for this line.</summary>
        public static List<string> Find(string line, string? nextLine)
        {
            var found = new List<string>();
            foreach (string fragment in TemplateFragments)
            {
                int index = line.IndexOf(fragment, StringComparison.OrdinalIgnoreCase);
                if (index >= 0)
                {
                    // As written in the policy, so the message quotes what the reader will search for.
                    found.Add(line.Substring(index, fragment.Length));
                }
            }

            foreach (string host in Hosts(line))
            {
                if (IsReservedHost(host))
                {
                    found.Add(host);
                }
            }

            if (HasOwnerRepoPath(line))
            {
                found.Add("OWNER/REPO");
            }

            foreach (string marker in UpperCaseMarkers)
            {
                if (ContainsWord(line, marker))
                {
                    found.Add(marker);
                }
            }

            string words = PolicyDocument.Words(line);
            string? joined = null;
            string? nextWords = null;
            foreach (string sentence in TemplateSentences)
            {
                if (words.IndexOf(sentence, StringComparison.Ordinal) >= 0)
                {
                    found.Add(sentence.Trim());
                    continue;
                }

                if (nextLine == null || nextLine.Length == 0)
                {
                    continue;
                }

                // A template sentence that wraps onto the next line belongs to this one, unless the next line holds it whole.
                joined ??= PolicyDocument.Words(line + " " + nextLine);
                nextWords ??= PolicyDocument.Words(nextLine);
                if (joined.IndexOf(sentence, StringComparison.Ordinal) >= 0 && nextWords.IndexOf(sentence, StringComparison.Ordinal) < 0)
                {
                    found.Add(sentence.Trim());
                }
            }

            for (int i = 0; i < DiagnosisWords.Length; i++)
            {
                if (words.IndexOf(DiagnosisWords[i], StringComparison.Ordinal) >= 0)
                {
                    found.Add(PolicyMessages.Diagnoses[i]);
                }
            }

            return found;
        }

        /// <summary>True when an email address or URL is a template value rather than a real one.</summary>
        public static bool IsPlaceholderAddress(string address)
        {
            foreach (string fragment in TemplateFragments)
            {
                if (address.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            foreach (string host in Hosts(address))
            {
                if (IsReservedHost(host))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// "github.com/OWNER/REPO", "gitlab.com/your-org/project", "OWNER/REPO" in capitals anywhere: a repository
        /// path nobody filled in. Lower-case words only count inside a URL, where "user/repo" is never prose.
        /// </summary>
        public static bool HasOwnerRepoPath(string text)
        {
            int slash = -1;
            while ((slash = text.IndexOf('/', slash + 1)) >= 0)
            {
                string before = SegmentBefore(text, slash);
                string after = SegmentAfter(text, slash);
                bool inUrl = IsInUrl(text, slash);
                if (inUrl && before.Length > 1 && IsUpper(before) && Array.IndexOf(OwnerSegments, before.ToLowerInvariant()) >= 0)
                {
                    return true; // github.com/OWNER/.github/...
                }

                if (before.Length == 0 || after.Length == 0)
                {
                    continue;
                }

                bool upper = IsUpper(before) && IsUpper(after);
                if ((upper || inUrl)
                    && Array.IndexOf(OwnerSegments, before.ToLowerInvariant()) >= 0
                    && Array.IndexOf(RepoSegments, after.ToLowerInvariant()) >= 0)
                {
                    return true;
                }

                if (inUrl && Array.IndexOf(RepoSegments, after.ToLowerInvariant()) >= 0 && IsUpper(after) && after.Length > 1)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>example.com/.org/.net and their subdomains, anything under .example/.test/.invalid/.localhost, and localhost.</summary>
        private static bool IsReservedHost(string host)
        {
            string lower = host.ToLowerInvariant().TrimEnd('.');
            if (lower == "localhost")
            {
                return true;
            }

            foreach (string domain in ExampleDomains)
            {
                if (lower == domain || lower.EndsWith("." + domain, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            int dot = lower.LastIndexOf('.');
            return dot > 0 && Array.IndexOf(ReservedTopLevelDomains, lower.Substring(dot + 1)) >= 0;
        }

        private static bool IsDocumentationDomain(string token)
        {
            string lower = token.ToLowerInvariant();
            foreach (string domain in ExampleDomains)
            {
                if (lower == domain || lower.EndsWith("." + domain, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return lower.EndsWith(".example", StringComparison.Ordinal);
        }

        /// <summary>The host names in a text: after "@" in addresses, after "://" in URLs, and bare "name.tld" words.</summary>
        private static IEnumerable<string> Hosts(string text)
        {
            int i = 0;
            while (i < text.Length)
            {
                if (!IsHostChar(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && IsHostChar(text[i]))
                {
                    i++;
                }

                string token = text.Substring(start, i - start).Trim('.', '-');
                bool afterLocalPart = start > 0 && text[start - 1] == '@';
                bool afterScheme = start >= 3 && string.CompareOrdinal(text, start - 3, "://", 0, 3) == 0;
                bool isLocalPart = i < text.Length && text[i] == '@';
                if (isLocalPart)
                {
                    continue;
                }

                // In prose, "localhost" and "MyApp.Test" are names, not contacts: only addresses and URLs are read for
                // .test/.invalid/.localhost; the documentation domains (example.com, acme.example) count anywhere.
                if (afterLocalPart || afterScheme || (token.IndexOf('.') > 0 && IsDocumentationDomain(token)))
                {
                    yield return token;
                }
            }
        }

        private static string SegmentBefore(string text, int slash)
        {
            int start = slash;
            while (start > 0 && IsSegmentChar(text[start - 1]))
            {
                start--;
            }

            return text.Substring(start, slash - start);
        }

        private static string SegmentAfter(string text, int slash)
        {
            int end = slash + 1;
            while (end < text.Length && IsSegmentChar(text[end]))
            {
                end++;
            }

            return text.Substring(slash + 1, end - slash - 1);
        }

        /// <summary>True when the character at <paramref name="index"/> is inside a "https://..." (or "http://") token.</summary>
        private static bool IsInUrl(string text, int index)
        {
            int start = index;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '(' && text[start - 1] != '<' && text[start - 1] != '"')
            {
                start--;
            }

            string token = text.Substring(start, index - start);
            return token.IndexOf("://", StringComparison.Ordinal) >= 0 || token.StartsWith("github.com", StringComparison.OrdinalIgnoreCase)
                || token.StartsWith("gitlab.com", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsUpper(string segment)
        {
            foreach (char c in segment)
            {
                if (char.IsLetter(c) && !char.IsUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ContainsWord(string text, string word)
        {
            int index = 0;
            while ((index = text.IndexOf(word, index, StringComparison.Ordinal)) >= 0)
            {
                int end = index + word.Length;
                bool startOk = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
                bool endOk = end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (startOk && endOk)
                {
                    return true;
                }

                index = end;
            }

            return false;
        }

        private static bool IsHostChar(char c) => c < 0x80 && (char.IsLetterOrDigit(c) || c == '-' || c == '.');

        private static bool IsSegmentChar(char c) => c < 0x80 && (char.IsLetterOrDigit(c) || c == '-' || c == '_');
    }
}
