using System;
using System.Collections.Generic;
using System.Text;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// One piece of prose in a policy: a paragraph (its wrapped lines joined), a list item or a table row. The
    /// checks read sentences, and a sentence often spans two lines ("email security@acme.io\nand we answer
    /// within 48 hours"), so they read blocks rather than lines.
    /// </summary>
    internal sealed class PolicyBlock
    {
        private PolicyBlock(string text, List<int> lineStarts, int firstLine)
        {
            Text = text;
            LineStarts = lineStarts;
            FirstLine = firstLine;
            Sentences = SplitSentences(this);
        }

        /// <summary>The block's lines joined by single spaces.</summary>
        public string Text { get; }

        /// <summary>1-based line of the block's first line.</summary>
        public int FirstLine { get; }

        public List<PolicySentence> Sentences { get; }

        /// <summary>Offset in <see cref="Text"/> where each of the block's lines starts.</summary>
        private List<int> LineStarts { get; }

        /// <summary>The 1-based file line that holds the character at <paramref name="offset"/> of <see cref="Text"/>.</summary>
        public int LineAt(int offset)
        {
            // Binary search: a block can hold thousands of lines, and every sentence asks.
            int low = 0;
            int high = LineStarts.Count - 1;
            while (low < high)
            {
                int middle = (low + high + 1) / 2;
                if (LineStarts[middle] <= offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return FirstLine + low;
        }

        internal static List<PolicyBlock> Split(PolicyDocument document)
        {
            var blocks = new List<PolicyBlock>();
            var text = new StringBuilder();
            var starts = new List<int>();
            int first = 0;

            void Flush()
            {
                if (text.Length > 0)
                {
                    blocks.Add(new PolicyBlock(text.ToString(), new List<int>(starts), first));
                }

                text.Clear();
                starts.Clear();
            }

            for (int i = 0; i < document.Lines.Length; i++)
            {
                string trimmed = document.Lines[i].Trim();
                if (trimmed.Length == 0 || document.InCodeBlock[i] || document.IsHeadingLine[i] || IsRule(trimmed))
                {
                    Flush();
                    continue;
                }

                if (StartsItem(trimmed) || trimmed[0] == '|')
                {
                    Flush();
                }

                if (text.Length == 0)
                {
                    first = i + 1;
                }
                else
                {
                    text.Append(' ');
                }

                starts.Add(text.Length);
                text.Append(trimmed);
                if (trimmed[0] == '|')
                {
                    // Each table row stands alone.
                    Flush();
                }
            }

            Flush();
            return blocks;
        }

        /// <summary>"- x", "* x", "+ x", "1. x", "1) x", "> x".</summary>
        private static bool StartsItem(string line)
        {
            char c = line[0];
            if ((c == '-' || c == '*' || c == '+' || c == '>') && line.Length > 1 && line[1] == ' ')
            {
                return true;
            }

            int digits = 0;
            while (digits < line.Length && digits < 4 && char.IsDigit(line[digits]))
            {
                digits++;
            }

            return digits > 0 && digits + 1 < line.Length && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
        }

        /// <summary>A thematic break: "---", "***", "___" (spaces allowed).</summary>
        private static bool IsRule(string line)
        {
            char first = line[0];
            if (first != '-' && first != '*' && first != '_')
            {
                return false;
            }

            int count = 0;
            foreach (char c in line)
            {
                if (c == first)
                {
                    count++;
                }
                else if (c != ' ')
                {
                    return false;
                }
            }

            return count >= 3;
        }

        /// <summary>Cuts at '.', '!', '?' or ';' followed by a space, so URLs and addresses stay whole.</summary>
        private static List<PolicySentence> SplitSentences(PolicyBlock block)
        {
            var sentences = new List<PolicySentence>();
            string text = block.Text;
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool end = i == text.Length - 1
                    || ((c == '.' || c == '!' || c == '?' || c == ';') && char.IsWhiteSpace(text[i + 1]) && !IsAbbreviation(text, i));
                if (end)
                {
                    string sentence = text.Substring(start, i + 1 - start).Trim();
                    if (sentence.Length > 0)
                    {
                        sentences.Add(new PolicySentence(sentence, block.LineAt(start), block));
                    }

                    start = i + 1;
                }
            }

            return sentences;
        }

        /// <summary>"e.g." and "i.e." do not end a sentence.</summary>
        private static bool IsAbbreviation(string text, int dot) =>
            dot >= 3 && text[dot - 2] == '.' && (string.Compare(text, dot - 3, "e.g", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
                || string.Compare(text, dot - 3, "i.e", 0, 3, StringComparison.OrdinalIgnoreCase) == 0);
    }
}
