using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// The string literal a value holds when it is a local or a const/readonly field written with a literal:
    /// <c>var login = "..."; new NetworkCredential("svc", login)</c>. A field is read from its declaration's syntax,
    /// so a field declared in another file needs no semantic model. A local asks the flow core which writes reach
    /// the read: the declaration's literal counts only when no other value can reach it.
    /// </summary>
    internal static class HeldLiterals
    {
        public static LiteralExpressionSyntax? Find(IOperation value, CancellationToken cancellationToken, out ISymbol? holder)
        {
            holder = null;
            switch (ConstantValues.Unwrap(value))
            {
                case ILocalReferenceOperation local:
                    holder = local.Local;
                    return ConstantValues.LiteralHeldBy(local, cancellationToken)?.Syntax as LiteralExpressionSyntax;
                case IFieldReferenceOperation field when field.Field.IsConst || field.Field.IsReadOnly:
                    holder = field.Field;
                    return field.Field.DeclaringSyntaxReferences.Length == 1 &&
                           field.Field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax { Token.Value: string } literal }
                        ? literal
                        : null;
                default:
                    return null;
            }
        }
    }
}
