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

        /// <summary>A marker followed by a placeholder word (the code fix's <c>TODO explain why this is sound</c>).</summary>
        Placeholder = 2,
        Reasoned = 3,
    }

    /// <summary>
    /// Reads <c>SAFETY:</c> comments out of trivia. A comment line whose text starts with a marker (<c>SAFETY:</c>, any
    /// case, unless <see cref="SafetyMarkers"/> says otherwise) opens a reason that runs on over the following lines of
    /// the same comment group (consecutive <c>//</c> lines, one block comment, or one doc comment).
    /// </summary>
    internal static class SafetyComments
    {
        /// <summary>The text the code fix inserts. It starts with TODO on purpose, so it is no reason and the warning stays.</summary>
        public const string Placeholder = "// SAFETY: TODO explain why this is sound";

        /// <summary>Words that mark a reason as not yet written.</summary>
        private static readonly string[] PlaceholderWords = { "TODO", "FIXME", "TBD", "TBA", "XXX" };

        /// <summary>A reason needs at least this many letters and <see cref="MinimumWords"/> words ("pinned buffer" passes, "ok" does not).</summary>
        public const int MinimumLetters = 10;

        public const int MinimumWords = 2;

        /// <summary>Reads the trivia standing above a token (its leading trivia) or after an opening brace.</summary>
        public static SafetyMark Read(SyntaxTriviaList trivia, SafetyMarkers markers)
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
                            best = Max(best, ReadGroup(group, markers));
                        }

                        break;
                    case SyntaxKind.SingleLineCommentTrivia:
                        group.Add(StripLineComment(item.ToString()));
                        lineBreaksSinceComment = 0;
                        break;
                    case SyntaxKind.MultiLineCommentTrivia:
                        best = Max(best, ReadGroup(group, markers));
                        group.AddRange(SplitBlockComment(item.ToString()));
                        best = Max(best, ReadGroup(group, markers));
                        lineBreaksSinceComment = 0;
                        break;
                    case SyntaxKind.SingleLineDocumentationCommentTrivia:
                    case SyntaxKind.MultiLineDocumentationCommentTrivia:
                        best = Max(best, ReadGroup(group, markers));
                        group.AddRange(SplitDocComment(item.ToFullString()));
                        best = Max(best, ReadGroup(group, markers));
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
                        best = Max(best, ReadGroup(group, markers));
                        lineBreaksSinceComment = 0;
                        break;
                }
            }

            return Max(best, ReadGroup(group, markers));
        }

        /// <summary>True when the text is a reason a reviewer can check: not empty, not a TODO, not a couple of letters.</summary>
        public static bool IsRealReason(string? reason) => Classify(reason) == SafetyMark.Reasoned;

        /// <summary>Reasoned, Placeholder (starts with TODO, FIXME...) or NoReason (empty, a couple of letters).</summary>
        public static SafetyMark Classify(string? reason)
        {
            if (reason is null)
            {
                return SafetyMark.NoReason;
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

            if (firstWord is null)
            {
                return SafetyMark.NoReason;
            }

            if (Array.IndexOf(PlaceholderWords, firstWord.ToUpperInvariant()) >= 0)
            {
                return SafetyMark.Placeholder;
            }

            return letters >= MinimumLetters && wordCount >= MinimumWords ? SafetyMark.Reasoned : SafetyMark.NoReason;
        }

        /// <summary>True when the trivia already holds a line starting with SAFETY:, with or without a reason.</summary>
        public static bool HasMarker(SyntaxTriviaList trivia, SafetyMarkers markers) => Read(trivia, markers) != SafetyMark.None;

        private static SafetyMark ReadGroup(List<string> lines, SafetyMarkers markers)
        {
            var best = SafetyMark.None;
            for (var i = 0; i < lines.Count; i++)
            {
                var markerLength = markers.MarkerLength(lines[i]);
                if (markerLength < 0)
                {
                    continue;
                }

                var reason = new StringBuilder(lines[i].Substring(markerLength));
                for (var next = i + 1; next < lines.Count && lines[next].Length > 0 && markers.MarkerLength(lines[next]) < 0; next++)
                {
                    reason.Append(' ').Append(lines[next]);
                }

                best = Max(best, Classify(reason.ToString()));
            }

            lines.Clear();
            return best;
        }

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
