using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Unsafe
{
    /// <summary>
    /// Decides whether unsafe code is justified (docs/rules/PAL4001.md): a SAFETY comment with a real reason directly
    /// above the construct (blank lines, attributes and directives between are fine) or on the first line inside its
    /// block, or a [SuppressMessage] naming the rule with a real Justification on the member or an enclosing type.
    /// </summary>
    internal static class SafetyJustification
    {
        /// <summary>What a SAFETY comment directly above <paramref name="node"/> (or first inside its block) says.</summary>
        public static SafetyMark ReadComments(SyntaxNode node, SafetyMarkers markers)
        {
            var best = ReadAbove(node, markers);
            var body = UnsafeConstructs.BodyOf(node);
            if (best != SafetyMark.Reasoned && body != null && !body.OpenBraceToken.IsMissing)
            {
                var inside = Max(
                    SafetyComments.Read(body.OpenBraceToken.TrailingTrivia, markers),
                    SafetyComments.Read(body.OpenBraceToken.GetNextToken().LeadingTrivia, markers));
                best = Max(best, inside);
            }

            return best;
        }

        /// <summary>
        /// PAL4001: is this unsafe construct justified by its own comment, by a justified unsafe construct around it,
        /// or by a [SuppressMessage] on it or on an enclosing member or type?
        /// </summary>
        public static bool IsUnsafeConstructJustified(SyntaxNode construct, SafetyMarkers markers)
        {
            for (var node = construct; node != null; node = node.Parent)
            {
                if (node == construct || UnsafeConstructs.IsUnsafe(node))
                {
                    if (ReadComments(node, markers) == SafetyMark.Reasoned)
                    {
                        return true;
                    }
                }

                if (HasJustifiedSuppression(node, DiagnosticIds.UnsafeWithoutJustification))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// PAL4002: is a call at <paramref name="site"/> inside justified code? Any enclosing statement, member, local
        /// function or type with a SAFETY reason counts, and so does a [SuppressMessage] for PAL4001 or PAL4002.
        /// </summary>
        public static bool IsCallSiteJustified(SyntaxNode site, SafetyMarkers markers)
        {
            for (var node = site; node != null; node = node.Parent)
            {
                // Only unsafe constructs take their reason from the first line inside: above a plain method's first
                // statement, a comment belongs to that statement, so a call further down stays "far away".
                var canCarryComment = node is StatementSyntax || node is MemberDeclarationSyntax || node is AccessorDeclarationSyntax;
                var mark = !canCarryComment ? SafetyMark.None : UnsafeConstructs.IsUnsafe(node) ? ReadComments(node, markers) : ReadAbove(node, markers);
                if (mark == SafetyMark.Reasoned)
                {
                    return true;
                }

                if (HasJustifiedSuppression(node, DiagnosticIds.UnsafeWithoutJustification) ||
                    HasJustifiedSuppression(node, DiagnosticIds.UnsafeApiWithoutJustification))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The trivia "above" a declaration: before its first attribute, between attribute lists, and between the
        /// last attribute list and the modifiers. Comments anywhere there stand above the construct.
        /// </summary>
        private static SafetyMark ReadAbove(SyntaxNode node, SafetyMarkers markers)
        {
            var firstToken = node.GetFirstToken();
            var best = SafetyComments.Read(firstToken.LeadingTrivia, markers);
            var attributes = UnsafeConstructs.AttributesOf(node);
            if (attributes.Count == 0)
            {
                return best;
            }

            for (var i = 1; i < attributes.Count; i++)
            {
                best = Max(best, SafetyComments.Read(attributes[i].OpenBracketToken.LeadingTrivia, markers));
            }

            var afterAttributes = attributes[attributes.Count - 1].GetLastToken().GetNextToken();
            if (node.Span.Contains(afterAttributes.Span))
            {
                best = Max(best, SafetyComments.Read(afterAttributes.LeadingTrivia, markers));
            }

            return best;
        }

        /// <summary>
        /// [SuppressMessage("Security", "PAL4001", Justification = "...")] (or "PAL4001:Title", or the Unconditional
        /// variant) with a real justification. Read from syntax: the compiler honours the attribute by name too.
        /// </summary>
        private static bool HasJustifiedSuppression(SyntaxNode node, string id)
        {
            foreach (var list in UnsafeConstructs.AttributesOf(node))
            {
                foreach (var attribute in list.Attributes)
                {
                    if (SuppressMessageSyntax.IsSuppressMessage(attribute) && NamesRule(attribute, id) &&
                        SafetyComments.IsRealReason(SuppressMessageSyntax.Justification(attribute, out _)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The checkId argument names the rule: "PAL4001" or "PAL4001:Any title".</summary>
        private static bool NamesRule(AttributeSyntax attribute, string id)
        {
            var text = SuppressMessageSyntax.CheckId(attribute)?.Trim();
            return text != null &&
                   (string.Equals(text, id, StringComparison.OrdinalIgnoreCase) ||
                    text.StartsWith(id + ":", StringComparison.OrdinalIgnoreCase));
        }

        private static SafetyMark Max(SafetyMark a, SafetyMark b) => a > b ? a : b;
    }
}
