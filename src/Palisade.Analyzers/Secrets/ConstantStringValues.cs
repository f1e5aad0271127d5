using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>Finds the constant strings written at a value, looking through the wrappers that do not change it.</summary>
    internal static class ConstantStringValues
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
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    yield break;
                case ILiteralOperation literal when literal.ConstantValue is { HasValue: true, Value: string }:
                    yield return literal;
                    break;
                case IBinaryOperation binary when binary.ConstantValue is { HasValue: true, Value: string } && IsBuiltFromLiterals(binary):
                    yield return binary;
                    break;
                case IInterpolatedStringOperation interpolated when interpolated.ConstantValue is { HasValue: true, Value: string }:
                    yield return interpolated;
                    break;
                case ICoalesceOperation coalesce:
                    foreach (var inner in In(coalesce.WhenNull))
                    {
                        yield return inner;
                    }

                    break;
                case IConditionalOperation conditional:
                    foreach (var inner in In(conditional.WhenTrue))
                    {
                        yield return inner;
                    }

                    foreach (var inner in In(conditional.WhenFalse))
                    {
                        yield return inner;
                    }

                    break;
                case IInvocationOperation invocation when invocation.Arguments.Length == 1 &&
                                                          (invocation.TargetMethod.Name == "GetBytes" || invocation.TargetMethod.Name == "FromBase64String"):
                    foreach (var inner in In(invocation.Arguments[0].Value))
                    {
                        yield return inner;
                    }

                    break;
            }
        }

        /// <summary>
        /// True when <see cref="In"/> would find at least one constant string, without allocating: the rules call
        /// this for nearly every argument, assignment and comparison, and almost none hold a literal.
        /// </summary>
        public static bool Any(IOperation? value)
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
                    return Any(coalesce.WhenNull);
                case IConditionalOperation conditional:
                    return Any(conditional.WhenTrue) || Any(conditional.WhenFalse);
                case IInvocationOperation invocation when invocation.Arguments.Length == 1 &&
                                                          (invocation.TargetMethod.Name == "GetBytes" || invocation.TargetMethod.Name == "FromBase64String"):
                    return Any(invocation.Arguments[0].Value);
                default:
                    return false;
            }
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
