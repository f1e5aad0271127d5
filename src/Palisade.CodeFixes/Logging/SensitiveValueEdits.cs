using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Palisade.Analyzers.Logging;

namespace Palisade.CodeFixes.Logging
{
    /// <summary>
    /// The two repairs for a sensitive value in a log or exception message, as pure syntax edits on a root:
    /// <see cref="Mask"/> puts "***" where the value was; <see cref="Remove"/> takes the value out together with its
    /// template hole. Both keep holes and arguments in step, so the message template never disagrees with its arguments.
    /// </summary>
    internal static class SensitiveValueEdits
    {
        public const string MaskText = "***";

        /// <summary>The node the diagnostic points at: the hole, the operand or the argument expression.</summary>
        public static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            return root.FindNode(span, getInnermostNodeForTie: true);
        }

        public static bool CanMask(SyntaxNode target, Diagnostic diagnostic) =>
            ShapeOf(diagnostic) is { } shape &&
            (shape == FindingShape.InterpolationHole ? target is InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax } : target is ExpressionSyntax) &&
            diagnostic.Properties.TryGetValue(SensitiveValueReport.PropertyNames.CanMask, out var canMask) && canMask == "true";

        public static SyntaxNode? Mask(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
        {
            if (!CanMask(target, diagnostic))
            {
                return null;
            }

            if (target is InterpolationSyntax hole && hole.Parent is InterpolatedStringExpressionSyntax interpolated)
            {
                return root.ReplaceNode(interpolated, ReplaceHole(interpolated, hole, (before, after) => (before + MaskText, after)));
            }

            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(MaskText)).WithTriviaFrom(target);
            return root.ReplaceNode(target, literal);
        }

        public static SyntaxNode? Remove(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
        {
            switch (ShapeOf(diagnostic))
            {
                case FindingShape.InterpolationHole when target is InterpolationSyntax hole && hole.Parent is InterpolatedStringExpressionSyntax interpolated:
                    return root.ReplaceNode(interpolated, ReplaceHole(interpolated, hole, MessageTemplate.TidyGap));

                case FindingShape.ConcatenationOperand when target.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression):
                    var remaining = binary.Left == target ? binary.Right : binary.Left;
                    if (!IsText(remaining))
                    {
                        return null;
                    }

                    return root.ReplaceNode(binary, remaining.WithTriviaFrom(binary));

                case FindingShape.WholeValue:
                    return RemoveTemplateArgument(root, target, diagnostic);

                default:
                    return null;
            }
        }

        /// <summary>Removes a structured argument and the template hole it fills: "Key {Key}", key becomes "Key".</summary>
        private static SyntaxNode? RemoveTemplateArgument(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(SensitiveValueReport.PropertyNames.TemplateArgumentIndex, out var indexText) ||
                !int.TryParse(indexText, out var templateIndex) ||
                target.Parent is not ArgumentSyntax argument || argument.Parent is not ArgumentListSyntax list)
            {
                return null;
            }

            var arguments = list.Arguments;
            var argumentIndex = arguments.IndexOf(argument);
            if (templateIndex < 0 || templateIndex >= arguments.Count || argumentIndex <= templateIndex ||
                arguments[templateIndex].Expression is not LiteralExpressionSyntax template || !template.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            var text = template.Token.ValueText;
            var valueCount = arguments.Count - templateIndex - 1;
            if (!MessageTemplate.MatchesArgumentCount(MessageTemplate.Parse(text), valueCount))
            {
                return null;
            }

            var newText = MessageTemplate.RemoveArgument(text, argumentIndex - templateIndex - 1);
            if (newText is null)
            {
                return null;
            }

            var newTemplate = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(newText)).WithTriviaFrom(template);
            var newArguments = arguments
                .Replace(arguments[templateIndex], arguments[templateIndex].WithExpression(newTemplate))
                .RemoveAt(argumentIndex);
            return root.ReplaceNode(list, list.WithArguments(newArguments));
        }

        /// <summary>Rebuilds an interpolated string around one hole; <paramref name="join"/> decides the text on each side.</summary>
        private static InterpolatedStringExpressionSyntax ReplaceHole(
            InterpolatedStringExpressionSyntax interpolated,
            InterpolationSyntax hole,
            System.Func<string, string, (string Before, string After)> join)
        {
            var contents = interpolated.Contents.ToList();
            var index = contents.IndexOf(hole);
            var before = index > 0 ? contents[index - 1] as InterpolatedStringTextSyntax : null;
            var after = index + 1 < contents.Count ? contents[index + 1] as InterpolatedStringTextSyntax : null;
            var (newBefore, newAfter) = join(before?.TextToken.Text ?? string.Empty, after?.TextToken.Text ?? string.Empty);

            var start = before is null ? index : index - 1;
            var end = after is null ? index : index + 1;
            contents.RemoveRange(start, end - start + 1);
            var merged = newBefore + newAfter;
            if (merged.Length > 0)
            {
                contents.Insert(start, Text(merged));
            }

            return interpolated.WithContents(SyntaxFactory.List(contents));
        }

        private static InterpolatedStringTextSyntax Text(string raw) =>
            SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, raw, raw, default));

        /// <summary>An operand that keeps a concatenation a string once the other side is gone.</summary>
        private static bool IsText(ExpressionSyntax expression) =>
            expression.IsKind(SyntaxKind.StringLiteralExpression) || expression is InterpolatedStringExpressionSyntax ||
            (expression is BinaryExpressionSyntax nested && nested.IsKind(SyntaxKind.AddExpression));

        private static FindingShape? ShapeOf(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(SensitiveValueReport.PropertyNames.Shape, out var shape) &&
            System.Enum.TryParse<FindingShape>(shape, out var parsed) ? parsed : null;
    }
}
