using System;
using System.Collections.Generic;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// Finds template text left in a policy: placeholder domains and user names (yourcompany.com, example.com,
    /// yourusername), fill-in markers ([Current Date], &lt;email&gt;, TBD) and instructions to the template's user
    /// ("replace with your ..."). Plain substring and word checks, linear in the line length.
    /// </summary>
    internal static class PlaceholderFinder
    {
        // Case-insensitive substrings that only ever appear in templates.
        private static readonly string[] TemplateFragments =
        {
            "yourcompany", "your-company", "your_company",
            "yourdomain", "your-domain", "your_domain",
            "yourorg", "your-org", "your_org",
            "yourusername", "your-username", "your_username",
            "youremail", "your-email", "your_email", "your.email@",
            "yourproject", "your-project", "your_project",
            "yourrepo", "your-repo", "your_repo",
            "replace with your", "replace this with", "(replace with", "replace with actual", "replace with the actual", "replace with real",
            "[current date]", "[date]", "[insert", "[your ", "[project name]", "[email", "[contact",
            "if applicable]", "if available]",
            "<email>", "<e-mail>", "<your", "<insert", "<contact>", "<security email>",
            "{{", "lorem ipsum",
        };

        // Whole words, matched case-sensitively: "TBD" in a table is a placeholder, "tbd" inside a word is not.
        private static readonly string[] UpperCaseMarkers = { "TBD", "TBA", "TODO", "FIXME" };

        // Reserved documentation domains (RFC 2606); a real contact never uses them.
        private static readonly string[] ExampleDomains = { "example.com", "example.org", "example.net" };

        /// <summary>The placeholder fragments in <paramref name="line"/>, in the order found, each once.</summary>
        public static List<string> Find(string line)
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

            foreach (string domain in ExampleDomains)
            {
                if (ContainsDomain(line, domain))
                {
                    found.Add(domain);
                }
            }

            foreach (string marker in UpperCaseMarkers)
            {
                if (ContainsWord(line, marker))
                {
                    found.Add(marker);
                }
            }

            return found;
        }

        /// <summary>True when an email address or URL host is a template value rather than a real one.</summary>
        public static bool IsPlaceholderAddress(string address)
        {
            foreach (string fragment in TemplateFragments)
            {
                if (address.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            foreach (string domain in ExampleDomains)
            {
                if (ContainsDomain(address, domain))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"example.com" as a whole host name or its last labels ("security@example.com", "www.example.com"), not "myexample.com" or "example.community".</summary>
        private static bool ContainsDomain(string text, string domain)
        {
            int index = 0;
            while ((index = text.IndexOf(domain, index, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                int end = index + domain.Length;
                bool startOk = index == 0 || !IsHostChar(text[index - 1]) || text[index - 1] == '.';
                bool endOk = end == text.Length || !char.IsLetterOrDigit(text[end]) && text[end] != '-';
                if (startOk && endOk)
                {
                    return true;
                }

                index = end;
            }

            return false;
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

        private static bool IsHostChar(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '.';
    }
}
