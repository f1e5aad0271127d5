using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Shared;
using Palisade.Analyzers.Unsafe;

namespace Palisade.Analyzers.Suppressions
{
    /// <summary>
    /// PAL0001: a Palisade finding switched off without a written reason. The compiler honours every
    /// <c>[SuppressMessage]</c> and <c>#pragma warning disable</c> whatever they say, so a finding silenced that way
    /// simply disappears from the build and from review. A <c>[SuppressMessage]</c> of a PAL rule needs a
    /// Justification, and a <c>#pragma warning disable PALnnnn</c> a comment on its line (or directly above it), that
    /// passes the same test as a <c>// SAFETY:</c> reason (<see cref="SafetyComments.IsRealReason"/>).
    /// Syntax only, and only in files that mention "PAL".
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SuppressionWithoutJustificationAnalyzer : PalisadeAnalyzer
    {
        private const string RulePrefix = "PAL";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SuppressionWithoutJustification);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxTreeAction(AnalyzeTree);
        }

        private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
        {
            var text = context.Tree.GetText(context.CancellationToken);
            if (!TextSearch.Contains(text, RulePrefix))
            {
                return;
            }

            var root = context.Tree.GetRoot(context.CancellationToken);
            if (root.ContainsDirectives)
            {
                foreach (var directive in root.DescendantNodes(descendIntoTrivia: true))
                {
                    if (directive is PragmaWarningDirectiveTriviaSyntax pragma)
                    {
                        CheckPragma(context, pragma, text);
                    }
                }
            }

            foreach (var node in root.DescendantNodes())
            {
                if (node is AttributeSyntax attribute)
                {
                    CheckAttribute(context, attribute);
                }
            }
        }

        private static void CheckAttribute(SyntaxTreeAnalysisContext context, AttributeSyntax attribute)
        {
            if (!SuppressMessageSyntax.IsSuppressMessage(attribute))
            {
                return;
            }

            var checkId = SuppressMessageSyntax.CheckId(attribute);
            var id = checkId is null ? null : RuleIdOf(checkId);
            if (id is null)
            {
                return;
            }

            var justification = SuppressMessageSyntax.Justification(attribute, out var known);
            if (!known || SafetyComments.IsRealReason(justification))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SuppressionWithoutJustification,
                attribute.GetLocation(),
                "[SuppressMessage] of " + id,
                string.IsNullOrWhiteSpace(justification) ? "a Justification" : "a Justification with a real reason"));
        }

        private static void CheckPragma(SyntaxTreeAnalysisContext context, PragmaWarningDirectiveTriviaSyntax pragma, SourceText text)
        {
            if (!pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
            {
                return;
            }

            var ids = new List<string>();
            foreach (var code in pragma.ErrorCodes)
            {
                // Switching PAL0001 itself off is a decision about this rule, not a silenced finding; and a report on
                // that directive could never be suppressed by it.
                var id = code is IdentifierNameSyntax name ? RuleIdOf(name.Identifier.ValueText) : null;
                if (id != null && id != DiagnosticIds.SuppressionWithoutJustification)
                {
                    ids.Add(id);
                }
            }

            if (ids.Count == 0 || SafetyComments.IsRealReason(TrailingComment(pragma, text)) || SafetyComments.IsRealReason(CommentAbove(pragma)))
            {
                return;
            }

            var span = TextSpan.FromBounds(pragma.SpanStart, pragma.ErrorCodes.Last().Span.End);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SuppressionWithoutJustification,
                Location.Create(context.Tree, span),
                "'#pragma warning disable " + string.Join(", ", ids) + "'",
                "a comment on its line"));
        }

        /// <summary>"PAL2001" or "PAL2001:Hard-coded credential" gives "PAL2001"; anything else null.</summary>
        private static string? RuleIdOf(string checkId)
        {
            var text = checkId.Trim();
            var colon = text.IndexOf(':');
            if (colon >= 0)
            {
                text = text.Substring(0, colon).TrimEnd();
            }

            if (text.Length != RulePrefix.Length + 4 || !text.StartsWith(RulePrefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            for (var i = RulePrefix.Length; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return null;
                }
            }

            return text.ToUpperInvariant();
        }

        /// <summary>
        /// The comment at the end of the directive's line: <c>#pragma warning disable PAL2001 // reason</c>. Read from
        /// the text after the last id, because the parser files a comment inside a directive in different trivia
        /// depending on its kind.
        /// </summary>
        private static string? TrailingComment(PragmaWarningDirectiveTriviaSyntax pragma, SourceText text)
        {
            var from = pragma.ErrorCodes.Last().Span.End;
            var to = pragma.FullSpan.End;
            if (to <= from)
            {
                return null;
            }

            var rest = text.ToString(TextSpan.FromBounds(from, to)).Trim();
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                return rest.TrimStart('/').Trim();
            }

            if (rest.StartsWith("/*", StringComparison.Ordinal))
            {
                rest = rest.Substring(2);
                return (rest.EndsWith("*/", StringComparison.Ordinal) ? rest.Substring(0, rest.Length - 2) : rest).Trim();
            }

            return null;
        }

        /// <summary>
        /// The comment lines directly above the directive (no blank line between), the other place people write the
        /// reason: <c>// The emulator's documented key, not a secret</c> followed by the pragma.
        /// </summary>
        private static string? CommentAbove(PragmaWarningDirectiveTriviaSyntax pragma)
        {
            var parent = pragma.ParentTrivia;
            var list = parent.Token.LeadingTrivia;
            var index = list.IndexOf(parent);
            if (index < 0)
            {
                return null;
            }

            var lines = new List<string>();
            var lineBreaks = 0;
            for (var i = index - 1; i >= 0; i--)
            {
                var trivia = list[i];
                if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    continue;
                }

                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    if (++lineBreaks > 1)
                    {
                        break;
                    }

                    continue;
                }

                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    lines.Insert(0, CommentText(trivia));
                    lineBreaks = 0;
                    continue;
                }

                break;
            }

            return lines.Count == 0 ? null : string.Join(" ", lines);
        }

        private static string CommentText(SyntaxTrivia trivia)
        {
            var text = trivia.ToString();
            if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                text = text.Substring(2);
                text = text.EndsWith("*/", StringComparison.Ordinal) ? text.Substring(0, text.Length - 2) : text;
                return text.Trim();
            }

            return text.TrimStart('/').Trim();
        }
    }
}
