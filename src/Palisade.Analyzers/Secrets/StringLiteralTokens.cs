using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
        public static IEnumerable<SyntaxToken> Find(SyntaxNode root, CancellationToken cancellationToken)
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
