using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// Every piece of string text in a syntax tree: regular, verbatim, raw and UTF-8 literals and the text parts
    /// of interpolated strings. The format and connection-string rules need no semantics, so they work on tokens,
    /// which also covers attribute arguments, case labels and default parameter values.
    /// </summary>
    internal static class StringLiteralTokens
    {
        private const int ChunkSize = 4096;

        [ThreadStatic]
        private static char[]? t_chunk;

        /// <summary>
        /// The string text tokens of <paramref name="root"/> (a tree's root) in source order, found through the
        /// text rather than by walking every token: every string literal starts with a double quote, so only the
        /// quotes are looked up in the tree. Walking all tokens cost most of the two literal rules' time on
        /// literal-dense code; a quote costs one descent from the root, and a file has far fewer quotes than
        /// tokens. A quote in a comment, a character literal or an escape inside a literal is skipped.
        /// </summary>
        /// <param name="onlyPossibleSecrets">
        /// Skip, without looking them up, the quotes that open a literal which cannot pass either literal rule's
        /// first gates (<see cref="CannotOpenASecret"/>): what the two rules report is unchanged, and on literal-dense
        /// code most literals are never looked up at all.
        /// </param>
        public static IEnumerable<SyntaxToken> Find(SyntaxNode root, CancellationToken cancellationToken, bool onlyPossibleSecrets = false)
        {
            var text = root.SyntaxTree.GetText(cancellationToken);
            var chunk = t_chunk ?? new char[ChunkSize];
            t_chunk = null;
            try
            {
                var resumeAt = 0;
                for (var chunkStart = 0; chunkStart < text.Length; chunkStart += ChunkSize)
                {
                    var length = Math.Min(ChunkSize, text.Length - chunkStart);
                    text.CopyTo(chunkStart, chunk, 0, length);
                    for (var i = Array.IndexOf(chunk, '"', 0, length); i >= 0; i = i + 1 < length ? Array.IndexOf(chunk, '"', i + 1, length - i - 1) : -1)
                    {
                        var position = chunkStart + i;
                        if (position < resumeAt)
                        {
                            continue;
                        }

                        if (onlyPossibleSecrets && CannotOpenASecret(chunk, i, length))
                        {
                            continue;
                        }

                        var token = root.FindToken(position);
                        if (!token.Span.Contains(position))
                        {
                            // In trivia: a comment, documentation, a directive or disabled code.
                            continue;
                        }

                        resumeAt = token.Span.End;
                        if (IsInterpolationStart(token))
                        {
                            // The text parts carry no quote of their own; the holes are reached by later quotes.
                            if (token.Parent is InterpolatedStringExpressionSyntax interpolated)
                            {
                                foreach (var content in interpolated.Contents)
                                {
                                    if (content is InterpolatedStringTextSyntax part)
                                    {
                                        yield return part.TextToken;
                                    }
                                    else if (content is InterpolationSyntax { FormatClause: { } format })
                                    {
                                        // {price:C}: the format is string text too.
                                        yield return format.FormatStringToken;
                                    }
                                }
                            }
                        }
                        else if (IsStringText(token) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                        {
                            yield return token;
                        }
                    }
                }
            }
            finally
            {
                t_chunk = chunk;
            }
        }

        /// <summary>
        /// True when no string that opens at <paramref name="quote"/> could pass the format gates
        /// (<see cref="SecretFormats.MayContain"/>, an anchor) or
        /// <see cref="ConnectionStrings.MayHoldCredential(in LiteralShape, string)"/>, judged from the characters
        /// up to where such a string must end on the same line. The question is asked of every quote as if it
        /// opened a string, so a quote inside a comment or a character literal changes nothing: the answer about
        /// a real string's opening quote is still right. The gates only grow with more text, and each kind of
        /// string's text lies within what is read: a regular literal up to the next quote or the line's end (no escape allowed), a
        /// verbatim one up to its closing quote (doubled quotes skipped), an interpolated one up to the next quote
        /// or the line's end when every hole closes before it (an open hole could hold a nested string or go on to
        /// the next line). Anything
        /// else is left to the tree: raw and verbatim-interpolated strings, a string that does not end on its line,
        /// and a string that a '+' or a comment precedes (parentheses between allowed) or that starts its line.
        /// Every literal but the first of a concatenation is such a string, so one literal of every concatenation
        /// is looked up and the whole chain judged.
        /// </summary>
        private static bool CannotOpenASecret(char[] chunk, int quote, int length)
        {
            if (quote < 2 || quote + 2 >= length || (chunk[quote + 1] == '"' && chunk[quote + 2] == '"'))
            {
                return false;
            }

            var before = chunk[quote - 1];
            var verbatim = before == '@';
            var interpolated = before == '$';
            if (verbatim && chunk[quote - 2] == '$')
            {
                return false;
            }

            if (IsJoinedOrStartsLine(chunk, verbatim || interpolated ? quote - 2 : quote - 1))
            {
                return false;
            }

            // A regular literal ends at the next quote, or (unterminated, while typing) at the end of its line;
            // the closing quote of a literal at the end of a line is asked about too, and answers here.
            var end = verbatim ? VerbatimEnd(chunk, quote, length) : NextQuoteOnLine(chunk, quote, length);
            if (end < 0)
            {
                return false;
            }

            var start = quote + 1;
            var count = end - start;
            if (!verbatim && Array.IndexOf(chunk, '\\', start, count) >= 0)
            {
                return false;
            }

            if (interpolated && !HolesCloseBefore(chunk, start, end))
            {
                return false;
            }

            var shape = LiteralShape.Of(chunk, start, count);
            return !(SecretFormats.MayContain(shape) && SecretFormats.MayHoldAnchor(chunk, start, count)) &&
                   !ConnectionStrings.MayHoldCredential(shape, chunk, start, count);
        }

        /// <summary>Back over spaces and opening parentheses from <paramref name="from"/>: a '+', a comment's end, or the line's start.</summary>
        private static bool IsJoinedOrStartsLine(char[] chunk, int from)
        {
            var previous = from;
            while (previous >= 0 && (chunk[previous] == ' ' || chunk[previous] == '\t' || chunk[previous] == '('))
            {
                previous--;
            }

            return previous < 0 || chunk[previous] == '\n' || chunk[previous] == '\r' || chunk[previous] == '+' || chunk[previous] == '/';
        }

        /// <summary>The next quote on the line, or the line's end when there is none.</summary>
        private static int NextQuoteOnLine(char[] chunk, int quote, int length)
        {
            for (var i = quote + 1; i < length; i++)
            {
                switch (chunk[i])
                {
                    case '"': return i;
                    case '\n':
                    case '\r': return i;
                }
            }

            return -1;
        }

        private static int VerbatimEnd(char[] chunk, int quote, int length)
        {
            for (var i = quote + 1; i < length; i++)
            {
                switch (chunk[i])
                {
                    case '"':
                        if (i + 1 < length && chunk[i + 1] == '"')
                        {
                            i++;
                            continue;
                        }

                        return i + 1 < length ? i : -1;
                    case '\n':
                    case '\r':
                        return -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// Every hole of an interpolated string is closed before the next quote (or the line's end), so the string's
        /// text lies before it: braces are followed as the compiler reads them ("{{" and "}}" are text, a '{' opens
        /// a hole, braces nest inside it). Inside a hole, a character literal or a comment could hide a brace or
        /// a quote from this reading, so they leave the answer to the tree.
        /// </summary>
        private static bool HolesCloseBefore(char[] chunk, int start, int end)
        {
            var depth = 0;
            for (var i = start; i < end; i++)
            {
                var c = chunk[i];
                var next = i + 1 < end ? chunk[i + 1] : '\0';
                if (depth == 0)
                {
                    if ((c == '{' && next == '{') || (c == '}' && next == '}'))
                    {
                        i++;
                    }
                    else if (c == '{')
                    {
                        depth = 1;
                    }
                    else if (c == '}')
                    {
                        return false;
                    }

                    continue;
                }

                switch (c)
                {
                    case '{': depth++; break;
                    case '}': depth--; break;
                    case '\'': return false;
                    case '/' when next == '/' || next == '*': return false;
                }
            }

            return depth == 0;
        }

        public static bool IsStringText(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The location to report: the literal expression, or the text part of an interpolated string.</summary>
        public static Location LocationOf(SyntaxToken token) =>
            token.IsKind(SyntaxKind.InterpolatedStringTextToken) ? token.GetLocation() : token.Parent?.GetLocation() ?? token.GetLocation();

        private static bool IsInterpolationStart(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.InterpolatedStringStartToken:
                case SyntaxKind.InterpolatedVerbatimStringStartToken:
                case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                    return true;
                default:
                    return false;
            }
        }
    }
}
