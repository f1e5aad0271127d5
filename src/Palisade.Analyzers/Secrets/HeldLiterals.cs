using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// The string literal a value holds when it is a local or a const/readonly field written once with a literal:
    /// <c>var login = "..."; new NetworkCredential("svc", login)</c>. Read from the declaration's syntax, so a field
    /// declared in another file needs no semantic model. A local assigned again anywhere in its body holds nothing
    /// certain and is not followed.
    /// </summary>
    internal static class HeldLiterals
    {
        public static LiteralExpressionSyntax? Find(IOperation value, CancellationToken cancellationToken, out ISymbol? holder)
        {
            holder = ConstantStringValues.Unwrap(value) switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field when field.Field.IsConst || field.Field.IsReadOnly => field.Field,
                _ => null,
            };
            if (holder is null || holder.DeclaringSyntaxReferences.Length != 1 ||
                holder.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator ||
                declarator.Initializer?.Value is not LiteralExpressionSyntax literal || literal.Token.Value is not string ||
                (holder is ILocalSymbol && IsWrittenAfterDeclaration(declarator, holder.Name)))
            {
                return null;
            }

            return literal;
        }

        /// <summary>Is the local assigned again (=, compound assignment, ++/--, ref or out argument) in the member that declares it?</summary>
        private static bool IsWrittenAfterDeclaration(VariableDeclaratorSyntax declarator, string name)
        {
            var scope = declarator.FirstAncestorOrSelf<SyntaxNode>(n =>
                n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax || n is LocalFunctionStatementSyntax ||
                n is AnonymousFunctionExpressionSyntax || n is GlobalStatementSyntax || n is CompilationUnitSyntax);
            if (scope is null)
            {
                return true;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                switch (identifier.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                    case PrefixUnaryExpressionSyntax _:
                    case PostfixUnaryExpressionSyntax _:
                    case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                        return true;
                }
            }

            return false;
        }
    }
}
