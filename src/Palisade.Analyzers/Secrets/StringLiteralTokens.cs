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
        /// first gates (<see cref="RestOfLineCannotHoldASecret"/>): what the two rules report is unchanged, and on literal-dense
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
                    var lastChunk = chunkStart + length == text.Length;
                    text.CopyTo(chunkStart, chunk, 0, length);
                    var clearedUntil = 0;
                    for (var i = Array.IndexOf(chunk, '"', 0, length); i >= 0; i = i + 1 < length ? Array.IndexOf(chunk, '"', i + 1, length - i - 1) : -1)
                    {
                        var position = chunkStart + i;
                        if (position < resumeAt)
                        {
                            continue;
                        }

                        if (onlyPossibleSecrets && !MustLookUp(chunk, i, length))
                        {
                            // The rest of a line that cannot hold a secret holds none from any later quote either:
                            // judge each line once.
                            if (i < clearedUntil)
                            {
                                continue;
                            }

                            if (RestOfLineCannotHoldASecret(chunk, i, length, lastChunk, out var lineEnd))
                            {
                                clearedUntil = lineEnd;
                                continue;
                            }
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
        /// A quote the source characters cannot settle, so the tree is asked: one that may open a verbatim,
        /// interpolated or raw string (whose text may span lines or differ from the characters), or one that a '+'
        /// or a comment precedes (parentheses between allowed) or that starts its line. Every literal but the first
        /// of a concatenation is such a quote, so one literal of every concatenation of two literals is looked up
        /// and the whole chain judged.
        /// </summary>
        private static bool MustLookUp(char[] chunk, int quote, int length)
        {
            if (quote == 0 || quote + 2 >= length)
            {
                return true;
            }

            var before = chunk[quote - 1];
            if (before == '@' || before == '$' || (chunk[quote + 1] == '"' && chunk[quote + 2] == '"'))
            {
                return true;
            }

            // Back over spaces and opening parentheses: "+ (\"a\"" joins as much as "+ \"a\"", "Call(\"a\")" does not.
            var previous = quote - 1;
            while (previous >= 0 && (chunk[previous] == ' ' || chunk[previous] == '\t' || chunk[previous] == '('))
            {
                previous--;
            }

            return previous < 0 || chunk[previous] == '\n' || chunk[previous] == '\r' || chunk[previous] == '+' || chunk[previous] == '/';
        }

        /// <summary>
        /// True when no regular string literal opening at <paramref name="quote"/>, or at any later quote of the same
        /// line, could pass the format gates (<see cref="SecretFormats.MayContain"/>, an anchor) or
        /// <see cref="ConnectionStrings.MayHoldCredential(in LiteralShape, string)"/>. A regular literal cannot span
        /// lines, so its text lies inside the rest of the line, and every gate only grows with more text: if the rest
        /// of the line fails them, so does any literal in it. An escape leaves the answer to the tree.
        /// </summary>
        private static bool RestOfLineCannotHoldASecret(char[] chunk, int quote, int length, bool lastChunk, out int lineEnd)
        {
            lineEnd = quote + 1;
            while (lineEnd < length && chunk[lineEnd] != '\n' && chunk[lineEnd] != '\r')
            {
                lineEnd++;
            }

            if (lineEnd == length && !lastChunk)
            {
                return false;
            }

            var count = lineEnd - quote - 1;
            if (Array.IndexOf(chunk, '\\', quote + 1, count) >= 0)
            {
                return false;
            }

            var shape = LiteralShape.Of(chunk, quote + 1, count);
            return !(SecretFormats.MayContain(shape) && SecretFormats.MayHoldAnchor(chunk, quote + 1, count)) &&
                   !ConnectionStrings.MayHoldCredential(shape, chunk, quote + 1, count);
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
