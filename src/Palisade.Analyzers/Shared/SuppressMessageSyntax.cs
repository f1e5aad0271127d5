using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Reads <c>[SuppressMessage(category, checkId, Justification = "...")]</c> (also <c>SuppressMessageAttribute</c>,
    /// qualified names and the <c>UnconditionalSuppressMessage</c> variant) from syntax, by name: the compiler honours
    /// the attribute by name too. Used by PAL4001/PAL4002 (a justified suppression justifies unsafe code) and PAL0001
    /// (a suppression of a Palisade rule needs a justification).
    /// </summary>
    internal static class SuppressMessageSyntax
    {
        public static bool IsSuppressMessage(AttributeSyntax attribute)
        {
            var name = SimpleName(attribute.Name);
            return name == "SuppressMessage" || name == "SuppressMessageAttribute" ||
                   name == "UnconditionalSuppressMessage" || name == "UnconditionalSuppressMessageAttribute";
        }

        /// <summary>The checkId argument (second positional argument or <c>checkId:</c>) when it is written as a string.</summary>
        public static string? CheckId(AttributeSyntax attribute)
        {
            var arguments = attribute.ArgumentList?.Arguments;
            if (arguments is null)
            {
                return null;
            }

            var position = 0;
            foreach (var argument in arguments.Value)
            {
                if (argument.NameEquals != null)
                {
                    continue;
                }

                var isCheckId = argument.NameColon is null ? position == 1 : argument.NameColon.Name.Identifier.ValueText == "checkId";
                position++;
                if (isCheckId)
                {
                    return StringValue(argument.Expression);
                }
            }

            return null;
        }

        /// <summary>
        /// The Justification argument. <paramref name="known"/> is false when it is written but not as literal text
        /// (a constant, <c>nameof</c>): the reader cannot judge it and should give it the benefit of the doubt.
        /// </summary>
        public static string? Justification(AttributeSyntax attribute, out bool known)
        {
            known = true;
            var arguments = attribute.ArgumentList?.Arguments;
            if (arguments is null)
            {
                return null;
            }

            foreach (var argument in arguments.Value)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "Justification")
                {
                    var text = StringValue(argument.Expression);
                    known = text != null || argument.Expression.IsKind(SyntaxKind.NullLiteralExpression) || argument.Expression.IsKind(SyntaxKind.DefaultLiteralExpression);
                    return text;
                }
            }

            return null;
        }

        /// <summary>The text of a string literal, or of literals joined with +.</summary>
        public static string? StringValue(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    var left = StringValue(binary.Left);
                    var right = left is null ? null : StringValue(binary.Right);
                    return right is null ? null : left + right;
                case ParenthesizedExpressionSyntax parenthesized:
                    return StringValue(parenthesized.Expression);
                default:
                    return null;
            }
        }

        private static string? SimpleName(NameSyntax name)
        {
            switch (name)
            {
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case QualifiedNameSyntax qualified:
                    return qualified.Right.Identifier.ValueText;
                case AliasQualifiedNameSyntax aliasQualified:
                    return aliasQualified.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }
    }
}
