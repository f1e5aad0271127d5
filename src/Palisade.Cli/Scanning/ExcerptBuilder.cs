using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Shared;

namespace Palisade.Cli.Scanning
{
    /// <summary>
    /// The source lines around a finding for the HTML report, with secrets masked exactly as the diagnostics mask them
    /// (<see cref="SecretMask"/>). On every line a secrets rule (PAL2xxx) flags, each string literal is masked, whatever
    /// rule the excerpt is for: an excerpt must never print a secret that another finding already points at.
    /// </summary>
    internal static class ExcerptBuilder
    {
        public const int Context = 2;
        private const int MaxFlaggedLines = 8;

        /// <summary>Fills <see cref="Finding.Excerpt"/> for every finding that has a source location.</summary>
        public static void Attach(IReadOnlyList<Finding> findings, Func<string, SourceText?> readFile)
        {
            foreach (var file in findings.Where(f => f.Line > 0 && f.FilePath.Length > 0).GroupBy(f => f.FilePath, StringComparer.Ordinal))
            {
                Finding first = file.First();
                SourceText? text = first.Diagnostic?.Location.SourceTree?.GetText() ?? readFile(file.Key);
                if (text is null)
                {
                    continue;
                }

                List<(TextSpan Span, string Replacement)> secrets = SecretSpans(file.ToList(), text);
                foreach (Finding finding in file)
                {
                    finding.Excerpt = Build(text, finding, secrets);
                }
            }
        }

        internal static Excerpt Build(SourceText text, Finding finding, IReadOnlyList<(TextSpan Span, string Replacement)> secrets)
        {
            int lineCount = text.Lines.Count;
            int firstFlagged = Math.Clamp(finding.Line, 1, lineCount);
            int lastFlagged = Math.Clamp(Math.Min(finding.EndLine, finding.Line + MaxFlaggedLines - 1), firstFlagged, lineCount);
            int first = Math.Max(1, firstFlagged - Context);
            int last = Math.Min(lineCount, lastFlagged + Context);
            var lines = new string[last - first + 1];
            for (int number = first; number <= last; number++)
            {
                TextLine line = text.Lines[number - 1];
                lines[number - first] = Mask(text, line.Span, secrets);
            }

            return new Excerpt(first, lines);
        }

        /// <summary>Spans to hide in this file and what to show instead.</summary>
        internal static List<(TextSpan Span, string Replacement)> SecretSpans(IReadOnlyList<Finding> findings, SourceText text)
        {
            var spans = new List<(TextSpan, string)>();
            foreach (Finding finding in findings.Where(f => f.RuleId.StartsWith("PAL2", StringComparison.Ordinal) && f.Diagnostic != null))
            {
                Location location = finding.Diagnostic!.Location;
                if (location.SourceTree is SyntaxTree tree)
                {
                    // Every string literal on the flagged lines.
                    TextSpan lines = LinesOf(text, location.SourceSpan);
                    foreach (SyntaxToken token in tree.GetRoot().DescendantTokens(lines))
                    {
                        if (token.Span.IntersectsWith(lines) && IsStringLiteral(token))
                        {
                            spans.Add((token.Span, "\"" + SecretMask.Mask(token.ValueText) + "\""));
                        }
                    }
                }
                else if (location.SourceSpan.End <= text.Length)
                {
                    // A configuration file: the flagged value itself.
                    string value = text.ToString(location.SourceSpan).Trim('"', '\'');
                    spans.Add((location.SourceSpan, SecretMask.Mask(value)));
                }
            }

            return spans;
        }

        private static string Mask(SourceText text, TextSpan line, IReadOnlyList<(TextSpan Span, string Replacement)> secrets)
        {
            var parts = new List<string>();
            int position = line.Start;
            foreach (var (span, replacement) in secrets.Where(s => s.Span.IntersectsWith(line) || (s.Span.Start < line.End && s.Span.End > line.Start)).OrderBy(s => s.Span.Start))
            {
                int start = Math.Max(span.Start, line.Start);
                int end = Math.Min(span.End, line.End);
                if (start < position)
                {
                    // Overlaps a span already masked on this line.
                    position = Math.Max(position, end);
                    continue;
                }

                parts.Add(text.ToString(TextSpan.FromBounds(position, start)));
                // A literal that spans several lines shows its mask once, on its first line.
                parts.Add(span.Start >= line.Start ? replacement : "\u2026");
                position = end;
            }

            parts.Add(text.ToString(TextSpan.FromBounds(Math.Min(position, line.End), line.End)));
            return string.Concat(parts);
        }

        private static TextSpan LinesOf(SourceText text, TextSpan span)
        {
            if (span.End > text.Length)
            {
                return span;
            }

            TextLine first = text.Lines.GetLineFromPosition(span.Start);
            TextLine last = text.Lines.GetLineFromPosition(span.End);
            return TextSpan.FromBounds(first.Start, last.End);
        }

        private static bool IsStringLiteral(SyntaxToken token) =>
            token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
                or SyntaxKind.Utf8MultiLineRawStringLiteralToken or SyntaxKind.CharacterLiteralToken;
    }
}
