using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// Builds the rewritten SQL as syntax, in the kind of string literal the code already used: a verbatim literal
    /// stays verbatim, a raw (multi-line) literal stays raw with the same indentation, a regular one stays regular.
    /// Nothing is parsed from text.
    /// </summary>
    internal sealed class SqlTextSyntax
    {
        private readonly LiteralStyle _style;
        private readonly int _rawQuotes;
        private readonly string _rawIndent;
        private readonly string _newLine;

        private SqlTextSyntax(LiteralStyle style, int rawQuotes, string rawIndent, string newLine)
        {
            _style = style;
            _rawQuotes = rawQuotes;
            _rawIndent = rawIndent;
            _newLine = newLine;
        }

        private enum LiteralStyle
        {
            Regular,
            Verbatim,
            Raw,
        }

        /// <summary>The style of the first string literal (or interpolated string) inside <paramref name="original"/>.</summary>
        public static SqlTextSyntax From(SyntaxNode original)
        {
            foreach (var token in original.DescendantTokens())
            {
                switch (token.Kind())
                {
                    case SyntaxKind.StringLiteralToken:
                        return new SqlTextSyntax(token.Text.StartsWith("@", System.StringComparison.Ordinal) ? LiteralStyle.Verbatim : LiteralStyle.Regular, 0, string.Empty, "\n");
                    case SyntaxKind.InterpolatedVerbatimStringStartToken:
                        return new SqlTextSyntax(LiteralStyle.Verbatim, 0, string.Empty, "\n");
                    case SyntaxKind.InterpolatedStringStartToken:
                        return new SqlTextSyntax(LiteralStyle.Regular, 0, string.Empty, "\n");
                    case SyntaxKind.SingleLineRawStringLiteralToken:
                    case SyntaxKind.MultiLineRawStringLiteralToken:
                        return Raw(token.Text.TrimStart('$'), token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken));
                    case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                    case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                        var end = token.Parent is InterpolatedStringExpressionSyntax interpolated ? interpolated.StringEndToken.LeadingTrivia.ToFullString() + interpolated.StringEndToken.Text : token.Text;
                        return Raw(token.Text.TrimStart('$') + "\n" + end, token.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken));
                }
            }

            return new SqlTextSyntax(LiteralStyle.Regular, 0, string.Empty, "\n");
        }

        private static SqlTextSyntax Raw(string text, bool multiLine)
        {
            var quotes = text.TakeWhile(c => c == '"').Count();
            var newLine = text.Contains("\r\n") ? "\r\n" : "\n";
            var indent = string.Empty;
            if (multiLine)
            {
                var lastLine = text.Substring(text.LastIndexOf('\n') + 1);
                indent = new string(lastLine.TakeWhile(c => c == ' ' || c == '\t').ToArray());
            }

            return new SqlTextSyntax(LiteralStyle.Raw, quotes, multiLine ? indent : null!, newLine);
        }

        private bool MultiLineRaw => _style == LiteralStyle.Raw && _rawIndent is not null;

        /// <summary>One string literal holding <paramref name="text"/>.</summary>
        public LiteralExpressionSyntax Literal(string text)
        {
            if (_style == LiteralStyle.Verbatim)
            {
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("@\"" + text.Replace("\"", "\"\"") + "\"", text));
            }

            if (_style == LiteralStyle.Raw && CanBeRaw(text))
            {
                var quotes = new string('"', System.Math.Max(3, System.Math.Max(_rawQuotes, LongestQuoteRun(text) + 1)));
                if (MultiLineRaw || text.Contains("\n"))
                {
                    var indent = _rawIndent ?? string.Empty;
                    var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Length == 0 ? l : indent + l);
                    var body = string.Join(_newLine, lines);
                    var tokenText = quotes + _newLine + body + _newLine + indent + quotes;
                    return SyntaxFactory.LiteralExpression(
                        SyntaxKind.StringLiteralExpression,
                        SyntaxFactory.Token(default, SyntaxKind.MultiLineRawStringLiteralToken, tokenText, text, default));
                }

                return SyntaxFactory.LiteralExpression(
                    SyntaxKind.StringLiteralExpression,
                    SyntaxFactory.Token(default, SyntaxKind.SingleLineRawStringLiteralToken, quotes + text + quotes, text, default));
            }

            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
        }

        /// <summary>
        /// An interpolated string: text pieces and holes in order. Raw and verbatim originals keep their kind;
        /// an interpolation is kept as written (with its format) when given as <see cref="InterpolationSyntax"/>.
        /// </summary>
        public InterpolatedStringExpressionSyntax Interpolated(IReadOnlyList<(string? Text, SyntaxNode? Hole)> pieces)
        {
            var useRaw = _style == LiteralStyle.Raw && pieces.All(p => p.Text is null || CanBeRaw(p.Text)) && pieces.Any(p => p.Text?.Contains("\n") == true || MultiLineRaw);
            var contents = new List<InterpolatedStringContentSyntax>();
            var quotes = useRaw ? System.Math.Max(3, System.Math.Max(_rawQuotes, pieces.Select(p => p.Text is null ? 0 : LongestQuoteRun(p.Text) + 1).DefaultIfEmpty(0).Max())) : 0;
            var braces = useRaw ? System.Math.Max(1, pieces.Select(p => p.Text is null ? 0 : LongestRun(p.Text, '{', '}')).DefaultIfEmpty(0).Max() + 1) : 1;
            var indent = _rawIndent ?? string.Empty;
            var atLineStart = true;
            foreach (var (text, hole) in pieces)
            {
                if (text is not null)
                {
                    string escaped;
                    string value;
                    if (useRaw)
                    {
                        var builder = new StringBuilder();
                        foreach (var c in text.Replace("\r\n", "\n"))
                        {
                            if (atLineStart && c != '\n')
                            {
                                builder.Append(indent);
                            }

                            builder.Append(c == '\n' ? _newLine : c.ToString());
                            atLineStart = c == '\n';
                        }

                        escaped = builder.ToString();
                        value = text.Replace("\r\n", "\n").Replace("\n", _newLine);
                    }
                    else
                    {
                        // As the parser leaves them: escapes resolved, doubled braces kept.
                        escaped = _style == LiteralStyle.Verbatim
                            ? text.Replace("\"", "\"\"").Replace("{", "{{").Replace("}", "}}")
                            : Escape(text, interpolated: true);
                        value = text.Replace("{", "{{").Replace("}", "}}");
                    }

                    contents.Add(SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, escaped, value, default)));
                    continue;
                }

                if (useRaw && atLineStart)
                {
                    contents.Add(SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, indent, indent, default)));
                }

                atLineStart = false;
                var interpolation = hole as InterpolationSyntax ?? SyntaxFactory.Interpolation(ForInterpolation((ExpressionSyntax)hole!));
                if (useRaw && braces > 1)
                {
                    interpolation = interpolation
                        .WithOpenBraceToken(SyntaxFactory.Token(default, SyntaxKind.OpenBraceToken, new string('{', braces), "{", default))
                        .WithCloseBraceToken(SyntaxFactory.Token(default, SyntaxKind.CloseBraceToken, new string('}', braces), "}", default));
                }

                contents.Add(interpolation);
            }

            if (useRaw)
            {
                var dollars = new string('$', braces);
                var delimiter = new string('"', quotes);
                return SyntaxFactory.InterpolatedStringExpression(
                    SyntaxFactory.Token(default, SyntaxKind.InterpolatedMultiLineRawStringStartToken, dollars + delimiter + _newLine, dollars + delimiter + _newLine, default),
                    SyntaxFactory.List(contents),
                    SyntaxFactory.Token(default, SyntaxKind.InterpolatedRawStringEndToken, _newLine + indent + delimiter, _newLine + indent + delimiter, default));
            }

            var start = _style == LiteralStyle.Verbatim ? SyntaxKind.InterpolatedVerbatimStringStartToken : SyntaxKind.InterpolatedStringStartToken;
            return SyntaxFactory.InterpolatedStringExpression(SyntaxFactory.Token(start), SyntaxFactory.List(contents), SyntaxFactory.Token(SyntaxKind.InterpolatedStringEndToken));
        }

        /// <summary>Text and kept expressions joined with +; text comes first so the + is string concatenation.</summary>
        public ExpressionSyntax Concatenation(IReadOnlyList<(string? Text, SyntaxNode? Hole)> pieces)
        {
            ExpressionSyntax? result = null;
            foreach (var (text, hole) in pieces)
            {
                var next = text is not null ? Literal(text) : Parenthesize((ExpressionSyntax)hole!);
                if (result is null && text is null)
                {
                    result = Literal(string.Empty);
                }

                result = result is null ? next : SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, result, next);
            }

            return result ?? Literal(string.Empty);
        }

        public static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        {
            var value = expression.WithoutTrivia();
            return value is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax or InterpolatedStringExpressionSyntax
                ? value
                : SyntaxFactory.ParenthesizedExpression(value);
        }

        /// <summary>Inside an interpolation hole only a top-level ':' (a conditional) would be misread as a format.</summary>
        private static ExpressionSyntax ForInterpolation(ExpressionSyntax expression) =>
            expression is ConditionalExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()) : expression.WithoutTrivia();

        private static bool CanBeRaw(string text) => !text.StartsWith("\"", System.StringComparison.Ordinal) && !text.EndsWith("\"", System.StringComparison.Ordinal);

        private static int LongestQuoteRun(string text) => LongestRun(text, '"', '"');

        private static int LongestRun(string text, char a, char b)
        {
            int longest = 0, run = 0;
            foreach (var c in text)
            {
                run = c == a || c == b ? run + 1 : 0;
                longest = System.Math.Max(longest, run);
            }

            return longest;
        }

        /// <summary>Escapes text for a regular (or interpolated) C# string literal body.</summary>
        internal static string Escape(string text, bool interpolated)
        {
            var builder = new StringBuilder();
            foreach (var c in text)
            {
                switch (c)
                {
                    case '\\': builder.Append("\\\\"); break;
                    case '"': builder.Append("\\\""); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    case '{' when interpolated: builder.Append("{{"); break;
                    case '}' when interpolated: builder.Append("}}"); break;
                    default:
                        if (char.IsControl(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }
    }
}
