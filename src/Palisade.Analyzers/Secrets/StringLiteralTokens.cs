using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// Every piece of string text in a syntax tree: regular, verbatim, raw and UTF-8 literals and the text parts
    /// of interpolated strings. The format and connection-string rules need no semantics, so they walk tokens,
    /// which also covers attribute arguments, case labels and default parameter values.
    /// </summary>
    internal static class StringLiteralTokens
    {
        public static IEnumerable<SyntaxToken> In(SyntaxNode root)
        {
            foreach (var token in root.DescendantTokens())
            {
                if (IsStringText(token))
                {
                    yield return token;
                }
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
    }
}
