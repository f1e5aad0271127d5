using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Palisade.Analyzers.Baseline
{
    /// <summary>
    /// How a finding is recognised again after unrelated edits: its rule, its file relative to the baseline's folder,
    /// a hash of the normalised text of the flagged statement, and its rank among the findings that share the first
    /// three. The normalised text is the statement's tokens joined by single spaces (no whitespace, no comments,
    /// nested blocks and members left out) with every string literal replaced by an ellipsis, so the hash carries
    /// nothing of a secret, and a reworded log message or a moved line does not change it.
    /// </summary>
    internal static class FindingFingerprint
    {
        private const string MaskedLiteral = "\"\u2026\"";

        /// <summary>
        /// Entries for <paramref name="diagnostics"/>, in the same order. <paramref name="readAdditionalFile"/> gives the
        /// text of a non-C# file a diagnostic points into (PAL2004's configuration files), or null.
        /// </summary>
        public static BaselineEntry[] Compute(
            IReadOnlyList<Diagnostic> diagnostics, string baselineDirectory, Func<string, SourceText?> readAdditionalFile, CancellationToken cancellationToken)
        {
            var keys = new (string Path, string Hash, int Start)[diagnostics.Count];
            for (int i = 0; i < diagnostics.Count; i++)
            {
                Diagnostic diagnostic = diagnostics[i];
                string filePath = FilePathOf(diagnostic.Location);
                string text = NormalisedText(diagnostic.Location, readAdditionalFile, cancellationToken);
                keys[i] = (RelativePath(filePath, baselineDirectory), Hash(text), diagnostic.Location.SourceSpan.Start);
            }

            // Occurrence: the rank, in source order, among findings of one rule with one path and one hash.
            var entries = new BaselineEntry[diagnostics.Count];
            foreach (var group in Enumerable.Range(0, diagnostics.Count).GroupBy(i => (diagnostics[i].Id, keys[i].Path, keys[i].Hash)))
            {
                int occurrence = 0;
                foreach (int i in group.OrderBy(i => keys[i].Start).ThenBy(i => diagnostics[i].Location.SourceSpan.Length))
                {
                    entries[i] = new BaselineEntry(diagnostics[i].Id, keys[i].Path, keys[i].Hash, occurrence++);
                }
            }

            return entries;
        }

        public static string FilePathOf(Location location) =>
            location.SourceTree?.FilePath ?? (location.Kind == LocationKind.ExternalFile ? location.GetLineSpan().Path : null) ?? string.Empty;

        /// <summary>
        /// <paramref name="filePath"/> relative to <paramref name="baselineDirectory"/> with '/' separators; a file
        /// outside that folder keeps its full (normalised) path, which <see cref="BaselineMatcher"/> matches by suffix.
        /// </summary>
        public static string RelativePath(string filePath, string baselineDirectory)
        {
            string file = Normalise(filePath);
            string directory = Normalise(baselineDirectory).TrimEnd('/');
            if (directory.Length > 0 && file.Length > directory.Length + 1
                && file.StartsWith(directory + "/", StringComparison.Ordinal))
            {
                return file.Substring(directory.Length + 1);
            }

            return file;
        }

        public static string Hash(string normalisedText)
        {
            byte[] digest;
            using (SHA256 sha = SHA256.Create())
            {
                digest = sha.ComputeHash(Encoding.UTF8.GetBytes(normalisedText));
            }

            var builder = new StringBuilder(20);
            for (int i = 0; i < 10; i++)
            {
                builder.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        public static string NormalisedText(Location location, Func<string, SourceText?> readAdditionalFile, CancellationToken cancellationToken)
        {
            if (location.SourceTree is SyntaxTree tree)
            {
                return NormalisedStatement(tree, location.SourceSpan, cancellationToken);
            }

            if (location.Kind == LocationKind.ExternalFile)
            {
                SourceText? text = readAdditionalFile(location.GetLineSpan().Path);
                if (text != null)
                {
                    return NormalisedLine(text, location.SourceSpan);
                }
            }

            return string.Empty;
        }

        /// <summary>The tokens of the statement (or member header) holding <paramref name="span"/>, literals masked.</summary>
        internal static string NormalisedStatement(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
        {
            SyntaxNode root = tree.GetRoot(cancellationToken);
            if (span.End > root.FullSpan.End)
            {
                return string.Empty;
            }

            SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
            SyntaxNode anchor = node.AncestorsAndSelf().FirstOrDefault(IsAnchor) ?? node;
            var builder = new StringBuilder();
            foreach (SyntaxToken token in anchor.DescendantTokens(child => child == anchor || !IsNested(child)))
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(IsStringLiteral(token) ? MaskedLiteral : token.Text);
            }

            return builder.ToString();
        }

        /// <summary>The line of a configuration file holding <paramref name="span"/>, the flagged value masked, spaces collapsed.</summary>
        internal static string NormalisedLine(SourceText text, TextSpan span)
        {
            if (span.End > text.Length)
            {
                return string.Empty;
            }

            TextLine line = text.Lines.GetLineFromPosition(span.Start);
            int end = Math.Min(span.End, line.End);
            string before = text.ToString(TextSpan.FromBounds(line.Start, span.Start));
            string after = text.ToString(TextSpan.FromBounds(end, line.End));
            return CollapseWhitespace(before + "\u2026" + after);
        }

        private static bool IsAnchor(SyntaxNode node) =>
            (node is StatementSyntax && !(node is BlockSyntax)) || node is MemberDeclarationSyntax;

        private static bool IsNested(SyntaxNode node) =>
            node is StatementSyntax || node is MemberDeclarationSyntax;

        private static bool IsStringLiteral(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                    return true;
                default:
                    return false;
            }
        }

        private static string CollapseWhitespace(string text)
        {
            var builder = new StringBuilder(text.Length);
            bool space = false;
            foreach (char c in text.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }

        private static string Normalise(string path) => path.Replace('\\', '/');
    }
}
