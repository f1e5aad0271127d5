using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Palisade.CodeFixes.Secrets
{
    /// <summary>
    /// Places where C# accepts only a constant: attribute arguments, case labels and patterns, default parameter
    /// values, enum members and other constants' initializers. A <c>const</c> used in one of them cannot become
    /// <c>static readonly</c>, so the fix is not offered.
    /// </summary>
    internal static class ConstantContexts
    {
        public static bool IsIn(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax:
                    case AttributeSyntax:
                    case CaseSwitchLabelSyntax:
                    case PatternSyntax:
                    case ParameterSyntax:
                    case EnumMemberDeclarationSyntax:
                        return true;
                    case VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                        return true;
                    case VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } when local.IsConst:
                        return true;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }
    }
}
