using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Palisade.Analyzers.Unsafe
{
    /// <summary>What a run of trivia says about a construct: nothing, a SAFETY comment without a reason, or a real reason.</summary>
    internal enum SafetyMark
    {
        None = 0,
        NoReason = 1,
        Reasoned = 2,
    }

    /// <summary>
    /// Reads <c>SAFETY:</c> comments out of trivia. A comment line whose text starts with <c>SAFETY:</c>
    /// (any case) opens a reason that runs on over the following lines of the same comment group
    /// (consecutive <c>//</c> lines, one block comment, or one doc comment).
    /// </summary>
    internal static class SafetyComments
    {
        public const string Marker = "SAFETY:";

        /// <summary>The text the code fix inserts. It starts with TODO on purpose, so it is no reason and the warning stays.</summary>
        public const string Placeholder = "// SAFETY: TODO explain why this is sound";

        /// <summary>Words that mark a reason as not yet written.</summary>
        private static readonly string[] PlaceholderWords = { "TODO", "FIXME", "TBD", "TBA", "XXX" };

        /// <summary>A reason needs at least this many letters and <see cref="MinimumWords"/> words ("pinned buffer" passes, "ok" does not).</summary>
        public const int MinimumLetters = 10;

        public const int MinimumWords = 2;

        /// <summary>Reads the trivia standing above a token (its leading trivia) or after an opening brace.</summary>
        public static SafetyMark Read(SyntaxTriviaList trivia)
        {
            var best = SafetyMark.None;
            var group = new List<string>();
            var lineBreaksSinceComment = 0;

            foreach (var item in trivia)
            {
                switch (item.Kind())
                {
                    case SyntaxKind.WhitespaceTrivia:
                        break;
                    case SyntaxKind.EndOfLineTrivia:
                        // A blank line ends a group of // comments: the next comment starts a new thought.
                        lineBreaksSinceComment++;
                        if (lineBreaksSinceComment > 1)
                        {
                            best = Max(best, ReadGroup(group));
                        }

                        break;
                    case SyntaxKind.SingleLineCommentTrivia:
                        group.Add(StripLineComment(item.ToString()));
                        lineBreaksSinceComment = 0;
                        break;
                    case SyntaxKind.MultiLineCommentTrivia:
                        best = Max(best, ReadGroup(group));
                        group.AddRange(SplitBlockComment(item.ToString()));
                        best = Max(best, ReadGroup(group));
                        lineBreaksSinceComment = 0;
                        break;
                    case SyntaxKind.SingleLineDocumentationCommentTrivia:
                    case SyntaxKind.MultiLineDocumentationCommentTrivia:
                        best = Max(best, ReadGroup(group));
                        group.AddRange(SplitDocComment(item.ToFullString()));
                        best = Max(best, ReadGroup(group));
                        // The doc comment trivia swallows its own final line break.
                        lineBreaksSinceComment = 1;
                        break;
                    case SyntaxKind.DisabledTextTrivia:
                    case SyntaxKind.SkippedTokensTrivia:
                        // Code (inactive or unparsable) stands between the comment and the construct: not adjacent.
                        group.Clear();
                        best = SafetyMark.None;
                        lineBreaksSinceComment = 0;
                        break;
                    default:
                        // #if, #region, #pragma and other directives may sit between the comment and the construct.
                        best = Max(best, ReadGroup(group));
                        lineBreaksSinceComment = 0;
                        break;
                }
            }

            return Max(best, ReadGroup(group));
        }

        /// <summary>True when the text is a reason a reviewer can check: not empty, not a TODO, not a couple of letters.</summary>
        public static bool IsRealReason(string? reason)
        {
            if (reason is null)
            {
                return false;
            }

            var words = reason.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            var letters = 0;
            var wordCount = 0;
            string? firstWord = null;
            foreach (var word in words)
            {
                var lettersInWord = 0;
                foreach (var c in word)
                {
                    if (char.IsLetter(c))
                    {
                        lettersInWord++;
                    }
                }

                if (lettersInWord == 0)
                {
                    continue;
                }

                firstWord ??= TrimToLetters(word);
                letters += lettersInWord;
                wordCount++;
            }

            if (firstWord is null || Array.IndexOf(PlaceholderWords, firstWord.ToUpperInvariant()) >= 0)
            {
                return false;
            }

            return letters >= MinimumLetters && wordCount >= MinimumWords;
        }

        /// <summary>True when the trivia already holds a line starting with SAFETY:, with or without a reason.</summary>
        public static bool HasMarker(SyntaxTriviaList trivia) => Read(trivia) != SafetyMark.None;

        private static SafetyMark ReadGroup(List<string> lines)
        {
            var best = SafetyMark.None;
            for (var i = 0; i < lines.Count; i++)
            {
                if (!StartsWithMarker(lines[i]))
                {
                    continue;
                }

                var reason = new StringBuilder(lines[i].Substring(Marker.Length));
                for (var next = i + 1; next < lines.Count && lines[next].Length > 0 && !StartsWithMarker(lines[next]); next++)
                {
                    reason.Append(' ').Append(lines[next]);
                }

                best = Max(best, IsRealReason(reason.ToString()) ? SafetyMark.Reasoned : SafetyMark.NoReason);
            }

            lines.Clear();
            return best;
        }

        private static bool StartsWithMarker(string line) => line.StartsWith(Marker, StringComparison.OrdinalIgnoreCase);

        private static string StripLineComment(string text) => text.TrimStart('/').Trim();

        private static IEnumerable<string> SplitBlockComment(string text)
        {
            var body = text.StartsWith("/*", StringComparison.Ordinal) ? text.Substring(2) : text;
            if (body.EndsWith("*/", StringComparison.Ordinal))
            {
                body = body.Substring(0, body.Length - 2);
            }

            foreach (var line in body.Split('\n'))
            {
                // " * SAFETY: ..." in a boxed comment: drop the decoration.
                yield return line.Trim().TrimStart('*').Trim();
            }
        }

        private static IEnumerable<string> SplitDocComment(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                trimmed = trimmed.StartsWith("///", StringComparison.Ordinal) ? trimmed.Substring(3) : trimmed.TrimStart('/', '*');
                // "<remarks>SAFETY: ...</remarks>" counts like a plain line: the tags are not part of the reason.
                yield return RemoveXmlTags(trimmed).Trim();
            }
        }

        private static string RemoveXmlTags(string text)
        {
            if (text.IndexOf('<') < 0)
            {
                return text;
            }

            var result = new StringBuilder(text.Length);
            var inTag = false;
            foreach (var c in text)
            {
                if (c == '<')
                {
                    inTag = true;
                }
                else if (c == '>' && inTag)
                {
                    inTag = false;
                }
                else if (!inTag)
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        private static string TrimToLetters(string word)
        {
            var start = 0;
            while (start < word.Length && !char.IsLetter(word[start]))
            {
                start++;
            }

            var end = start;
            while (end < word.Length && char.IsLetter(word[end]))
            {
                end++;
            }

            return word.Substring(start, end - start);
        }

        private static SafetyMark Max(SafetyMark a, SafetyMark b) => a > b ? a : b;
    }
}
