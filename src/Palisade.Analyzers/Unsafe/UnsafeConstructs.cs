using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Palisade.Analyzers.Unsafe
{
    /// <summary>
    /// Maps an <c>unsafe</c> keyword to the construct it makes unsafe (a block, a member, a type, a using alias)
    /// and names that construct for the diagnostic message.
    /// </summary>
    internal static class UnsafeConstructs
    {
        /// <summary>The node the keyword belongs to: the unsafe statement, the declaration it modifies, or the using directive.</summary>
        public static SyntaxNode? ConstructOf(SyntaxToken unsafeKeyword) => unsafeKeyword.Parent;

        /// <summary>True when the node is itself unsafe: an unsafe block, or a declaration with the unsafe modifier.</summary>
        public static bool IsUnsafe(SyntaxNode node)
        {
            switch (node)
            {
                case UnsafeStatementSyntax _:
                    return true;
                case MemberDeclarationSyntax member:
                    return member.Modifiers.Any(SyntaxKind.UnsafeKeyword);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.UnsafeKeyword);
                case UsingDirectiveSyntax usingDirective:
                    return usingDirective.UnsafeKeyword.IsKind(SyntaxKind.UnsafeKeyword);
                default:
                    return false;
            }
        }

        /// <summary>The attribute lists written on a declaration, empty for anything that cannot carry them.</summary>
        public static SyntaxList<AttributeListSyntax> AttributesOf(SyntaxNode node)
        {
            switch (node)
            {
                case MemberDeclarationSyntax member:
                    return member.AttributeLists;
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.AttributeLists;
                case AccessorDeclarationSyntax accessor:
                    return accessor.AttributeLists;
                case StatementSyntax statement:
                    return statement.AttributeLists;
                default:
                    return default;
            }
        }

        /// <summary>The block whose first line may hold the SAFETY comment: an unsafe block, or a method-like body.</summary>
        public static BlockSyntax? BodyOf(SyntaxNode node)
        {
            switch (node)
            {
                case UnsafeStatementSyntax unsafeStatement:
                    return unsafeStatement.Block;
                case BaseMethodDeclarationSyntax method:
                    return method.Body;
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Body;
                default:
                    return null;
            }
        }

        /// <summary>"Unsafe block", "Unsafe method 'Copy'": the first argument of the PAL4001 message.</summary>
        public static string Describe(SyntaxNode node)
        {
            switch (node)
            {
                case UnsafeStatementSyntax _:
                    return "Unsafe block";
                case MethodDeclarationSyntax method:
                    return $"Unsafe method '{method.Identifier.ValueText}'";
                case LocalFunctionStatementSyntax localFunction:
                    return $"Unsafe local function '{localFunction.Identifier.ValueText}'";
                case OperatorDeclarationSyntax op:
                    return $"Unsafe operator '{op.OperatorToken.ValueText}'";
                case ConversionOperatorDeclarationSyntax conversion:
                    return $"Unsafe conversion operator to '{conversion.Type}'";
                case PropertyDeclarationSyntax property:
                    return $"Unsafe property '{property.Identifier.ValueText}'";
                case IndexerDeclarationSyntax _:
                    return "Unsafe indexer";
                case ConstructorDeclarationSyntax constructor:
                    return $"Unsafe constructor of '{constructor.Identifier.ValueText}'";
                case DestructorDeclarationSyntax destructor:
                    return $"Unsafe finalizer of '{destructor.Identifier.ValueText}'";
                case BaseFieldDeclarationSyntax field:
                    return DescribeField(field);
                case EventDeclarationSyntax eventDeclaration:
                    return $"Unsafe event '{eventDeclaration.Identifier.ValueText}'";
                case DelegateDeclarationSyntax delegateDeclaration:
                    return $"Unsafe delegate '{delegateDeclaration.Identifier.ValueText}'";
                case RecordDeclarationSyntax record:
                    return $"Unsafe record '{record.Identifier.ValueText}'";
                case TypeDeclarationSyntax type:
                    return $"Unsafe {type.Keyword.ValueText} '{type.Identifier.ValueText}'";
                case UsingDirectiveSyntax usingDirective:
                    return usingDirective.Alias is null
                        ? "Unsafe using directive"
                        : $"Unsafe using alias '{usingDirective.Alias.Name.Identifier.ValueText}'";
                default:
                    return "Unsafe code";
            }
        }

        private static string DescribeField(BaseFieldDeclarationSyntax field)
        {
            var what = field is EventFieldDeclarationSyntax ? "event" : "field";
            var variables = field.Declaration.Variables;
            return variables.Count == 0 ? $"Unsafe {what}" : $"Unsafe {what} '{variables[0].Identifier.ValueText}'";
        }
    }
}
