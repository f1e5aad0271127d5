using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// The secrets family's question to the flow core: which constant strings can this value be? Looks through the
    /// wrappers that do not change it. For a local, <see cref="LiteralHeldBy"/> uses the same reaching-writes index as
    /// the other rules: <c>var value = "..."; new NetworkCredential(user, value)</c> holds the literal, while a local
    /// overwritten with a value from configuration before it is used does not.
    /// </summary>
    internal static class ConstantValues
    {
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion && conversion.IsImplicit)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>
        /// The constant strings written at this value: a literal, a constant concatenation or interpolation, either
        /// branch of ?: and the fallback of ??, and the argument of Encoding.GetBytes / Convert.FromBase64String.
        /// A reference to a constant declared elsewhere is reported where it is declared, not at every use.
        /// </summary>
        public static IEnumerable<IOperation> In(IOperation? value)
        {
            var found = new List<IOperation>();
            Collect(value, 0, found);
            return found;
        }

        /// <summary>
        /// True when <see cref="In"/> would find at least one constant string, without allocating for the common
        /// shapes: the rules call this for nearly every argument, assignment and comparison, and almost none hold a literal.
        /// </summary>
        public static bool Any(IOperation? value) => Any(value, 0);

        private static void Collect(IOperation? value, int depth, List<IOperation> found)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    return;
                case ILiteralOperation literal when literal.ConstantValue is { HasValue: true, Value: string }:
                    found.Add(literal);
                    return;
                case IBinaryOperation binary when binary.ConstantValue is { HasValue: true, Value: string } && IsBuiltFromLiterals(binary):
                    found.Add(binary);
                    return;
                case IInterpolatedStringOperation interpolated when interpolated.ConstantValue is { HasValue: true, Value: string }:
                    found.Add(interpolated);
                    return;
                case ICoalesceOperation coalesce:
                    Collect(coalesce.WhenNull, depth, found);
                    return;
                case IConditionalOperation conditional:
                    Collect(conditional.WhenTrue, depth, found);
                    Collect(conditional.WhenFalse, depth, found);
                    return;
                case IInvocationOperation invocation when IsByteConversion(invocation):
                    Collect(invocation.Arguments[0].Value, depth, found);
                    return;
            }
        }

        private static bool Any(IOperation? value, int depth)
        {
            value = Unwrap(value);
            switch (value)
            {
                case ILiteralOperation literal:
                    return literal.ConstantValue is { HasValue: true, Value: string };
                case IBinaryOperation binary:
                    return binary.ConstantValue is { HasValue: true, Value: string } && IsBuiltFromLiterals(binary);
                case IInterpolatedStringOperation interpolated:
                    return interpolated.ConstantValue is { HasValue: true, Value: string };
                case ICoalesceOperation coalesce:
                    return Any(coalesce.WhenNull, depth);
                case IConditionalOperation conditional:
                    return Any(conditional.WhenTrue, depth) || Any(conditional.WhenFalse, depth);
                case IInvocationOperation invocation when IsByteConversion(invocation):
                    return Any(invocation.Arguments[0].Value, depth);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The literal a local holds at this read: the local was declared with literal text and that declaration is
        /// the only write reaching the read (the flow core's reaching writes). Null when another value may reach it.
        /// A literal reached this way is reported where it is written, once, by the rule that asks.
        /// </summary>
        public static IOperation? LiteralHeldBy(ILocalReferenceOperation local, CancellationToken cancellationToken)
        {
            if (!MayHoldLiteral(local))
            {
                return null;
            }

            var values = ReachingValues(local, cancellationToken);
            return values.Count == 1 && Unwrap(values[0]) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string } } literal ? literal : null;
        }

        private static bool IsByteConversion(IInvocationOperation invocation) =>
            invocation.Arguments.Length == 1 && (invocation.TargetMethod.Name == "GetBytes" || invocation.TargetMethod.Name == "FromBase64String");

        /// <summary>
        /// A cheap test before the flow index is consulted: the local is declared with literal text. Most locals
        /// passed to credential APIs are not, and the rules ask about nearly every argument.
        /// </summary>
        private static bool MayHoldLiteral(ILocalReferenceOperation local)
        {
            if (local.Type?.SpecialType != SpecialType.System_String || local.Local.IsConst || local.Local.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            return local.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax or BinaryExpressionSyntax or ConditionalExpressionSyntax };
        }

        /// <summary>The values written to the local that reach this read, when every one of them is a plain assignment.</summary>
        private static IReadOnlyList<IOperation> ReachingValues(ILocalReferenceOperation local, CancellationToken cancellationToken)
        {
            var compilation = local.SemanticModel?.Compilation;
            if (compilation is null)
            {
                return System.Array.Empty<IOperation>();
            }

            var writes = FlowContext.Get(compilation).FlowOf(local, cancellationToken).For(local, cancellationToken);
            var values = new List<IOperation>(writes.Count);
            foreach (var write in writes)
            {
                if (write.Kind != WriteKind.Value)
                {
                    return System.Array.Empty<IOperation>();
                }

                values.Add(write.Operation);
            }

            return values;
        }

        private static bool IsBuiltFromLiterals(IOperation operation)
        {
            operation = Unwrap(operation)!;
            return operation switch
            {
                ILiteralOperation => true,
                IBinaryOperation binary => IsBuiltFromLiterals(binary.LeftOperand) && IsBuiltFromLiterals(binary.RightOperand),
                _ => false,
            };
        }
    }
}
