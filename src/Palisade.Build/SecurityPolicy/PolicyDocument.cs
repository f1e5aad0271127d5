using System;
using System.Collections.Generic;
using System.Text;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// A SECURITY.md split into lines, with HTML comments blanked out (a rendered policy never shows them, so no
    /// check may read them), its headings found (ATX '#', setext underlines, HTML &lt;hN&gt; and whole-line bold
    /// text, which many policies use as headings), fenced code blocks marked, and the prose cut into blocks
    /// (paragraphs, list items, table rows) whose sentences the checks read across line wraps.
    /// Everything here is one linear pass; overlong lines are cut so no later scan can be slow.
    /// </summary>
    internal sealed class PolicyDocument
    {
        /// <summary>Longer lines are cut to this length before any scan.</summary>
        public const int MaxLineLength = 4096;

        private PolicyDocument(string[] lines, bool[] inCode, bool[] isHeading, List<PolicyHeading> headings)
        {
            Lines = lines;
            InCodeBlock = inCode;
            IsHeadingLine = isHeading;
            Headings = headings;
            Blocks = PolicyBlock.Split(this);
        }

        public string[] Lines { get; }

        /// <summary>True for lines inside a fenced code block (and the fences themselves).</summary>
        public bool[] InCodeBlock { get; }

        /// <summary>True for heading lines and setext underlines.</summary>
        public bool[] IsHeadingLine { get; }

        public List<PolicyHeading> Headings { get; }

        /// <summary>The prose outside headings and code, one block per paragraph, list item or table row.</summary>
        public List<PolicyBlock> Blocks { get; }

        public static PolicyDocument Parse(string text)
        {
            string[] lines = SplitLines(BlankHtmlComments(text));
            var inCode = new bool[lines.Length];
            var isHeading = new bool[lines.Length];
            var headings = new List<PolicyHeading>();
            bool fenced = false;
            for (int i = 0; i < lines.Length; i++)
            {
                string trimmed = lines[i].Trim();
                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    inCode[i] = true;
                    fenced = !fenced;
                    continue;
                }

                if (fenced)
                {
                    inCode[i] = true;
                    continue;
                }

                string? heading = HeadingText(trimmed, i + 1 < lines.Length ? lines[i + 1].Trim() : string.Empty);
                if (heading != null)
                {
                    headings.Add(new PolicyHeading(i + 1, heading));
                    isHeading[i] = true;
                    if (i + 1 < lines.Length && IsSetextUnderline(lines[i + 1].Trim()))
                    {
                        isHeading[++i] = true;
                    }
                }
            }

            return new PolicyDocument(lines, inCode, isHeading, headings);
        }

        /// <summary>
        /// The text with every "&lt;!-- ... --&gt;" replaced by spaces, line breaks kept so line numbers still match
        /// the file. An unclosed comment hides the rest of the file, as it does when the Markdown is rendered.
        /// </summary>
        public static string BlankHtmlComments(string text)
        {
            int open = text.IndexOf("<!--", StringComparison.Ordinal);
            if (open < 0)
            {
                return text;
            }

            var sb = new StringBuilder(text.Length);
            int copied = 0;
            while (open >= 0)
            {
                sb.Append(text, copied, open - copied);
                int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
                int end = close < 0 ? text.Length : close + 3;
                for (int i = open; i < end; i++)
                {
                    char c = text[i];
                    sb.Append(c == '\n' || c == '\r' ? c : ' ');
                }

                copied = end;
                open = end < text.Length ? text.IndexOf("<!--", end, StringComparison.Ordinal) : -1;
            }

            sb.Append(text, copied, text.Length - copied);
            return sb.ToString();
        }

        /// <summary>Lower-case letters and digits of <paramref name="text"/>, every other run of characters as one space.</summary>
        public static string Words(string text)
        {
            var sb = new StringBuilder(text.Length + 2);
            sb.Append(' ');
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c) && c < 0x80)
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
                else if (sb[sb.Length - 1] != ' ')
                {
                    sb.Append(' ');
                }
            }

            if (sb[sb.Length - 1] != ' ')
            {
                sb.Append(' ');
            }

            return sb.ToString();
        }

        private static string[] SplitLines(string text)
        {
            var lines = new List<string>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' || c == '\n')
                {
                    lines.Add(Cut(text, start, i - start));
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                lines.Add(Cut(text, start, text.Length - start));
            }

            return lines.ToArray();
        }

        private static string Cut(string text, int start, int length) =>
            text.Substring(start, Math.Min(length, MaxLineLength));

        private static string? HeadingText(string line, string nextLine)
        {
            if (line.Length == 0)
            {
                return null;
            }

            if (line[0] == '#')
            {
                int level = 0;
                while (level < line.Length && line[level] == '#')
                {
                    level++;
                }

                if (level <= 6 && (level == line.Length || line[level] == ' ' || line[level] == '\t'))
                {
                    return line.Substring(level).Trim().TrimEnd('#').Trim();
                }

                return null;
            }

            if (line.StartsWith("<h", StringComparison.OrdinalIgnoreCase) && line.Length > 3 && line[2] >= '1' && line[2] <= '6')
            {
                return StripTags(line);
            }

            if (line.Length > 4 && ((line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal))
                || (line.StartsWith("__", StringComparison.Ordinal) && line.EndsWith("__", StringComparison.Ordinal))))
            {
                string inner = line.Substring(2, line.Length - 4);
                if (inner.IndexOf("**", StringComparison.Ordinal) < 0 && inner.IndexOf("__", StringComparison.Ordinal) < 0)
                {
                    return inner.Trim().TrimEnd(':').Trim();
                }
            }

            if (IsSetextUnderline(nextLine) && !line.StartsWith("-", StringComparison.Ordinal) && !line.StartsWith("|", StringComparison.Ordinal))
            {
                return line;
            }

            return null;
        }

        private static bool IsSetextUnderline(string line)
        {
            if (line.Length < 2)
            {
                return false;
            }

            char first = line[0];
            if (first != '=' && first != '-')
            {
                return false;
            }

            foreach (char c in line)
            {
                if (c != first)
                {
                    return false;
                }
            }

            return true;
        }

        private static string StripTags(string line)
        {
            var sb = new StringBuilder(line.Length);
            bool inTag = false;
            foreach (char c in line)
            {
                if (c == '<')
                {
                    inTag = true;
                }
                else if (c == '>')
                {
                    inTag = false;
                }
                else if (!inTag)
                {
                    sb.Append(c);
                }
            }

            return sb.ToString().Trim();
        }
    }

    /// <summary>A heading and its 1-based line.</summary>
    internal sealed class PolicyHeading
    {
        public PolicyHeading(int line, string text)
        {
            Line = line;
            Text = text;
            Words = PolicyDocument.Words(text);
        }

        public int Line { get; }

        public string Text { get; }

        /// <summary>The heading as " word word " (lower case, ASCII letters and digits), for whole-word matching.</summary>
        public string Words { get; }
    }
}
