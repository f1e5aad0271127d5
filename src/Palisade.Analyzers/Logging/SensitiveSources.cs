using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// Recognises reads of request headers that carry credentials, which the name-based tracer cannot see:
    /// <c>request.Headers.GetValues("Authorization")</c> (System.Net.Http), and ASP.NET Core's
    /// <c>Request.Headers.Authorization</c> / <c>Headers.ProxyAuthorization</c> and <c>Headers.TryGetValue(...)</c> reads.
    /// <see cref="Recognize"/> looks at one operation and is meant to be called by the value tracer for every operation it
    /// visits; until the tracer does, <see cref="FindIn"/> walks a logged value through the few shapes that pass text on.
    /// </summary>
    internal sealed class SensitiveSources
    {
        private const int MaxDepth = 6;

        private readonly LoggingSymbols _symbols;
        private readonly SecretNames _names;

        public SensitiveSources(LoggingSymbols symbols, SecretNames names)
        {
            _symbols = symbols;
            _names = names;
        }

        /// <summary>True when the compilation has a header type this class knows; otherwise nothing can match.</summary>
        public bool AnyAvailable => _symbols.HttpHeaders is not null || _symbols.AspNetHeaderDictionary is not null;

        /// <summary>What <paramref name="operation"/> reads ("Headers.GetValues(\"Authorization\")"), or null when it is no credential header.</summary>
        public string? Recognize(IOperation operation)
        {
            switch (SensitiveValueTracer.Unwrap(operation))
            {
                // headers.GetValues("Authorization"), headers.GetValues("X-Api-Key")
                case IInvocationOperation { TargetMethod.Name: "GetValues" or "GetValuesOrDefault" } invocation when
                    IsHeaderCollection(invocation.TargetMethod.ContainingType) && invocation.Arguments.Length >= 1 &&
                    invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string header } && IsCredentialHeader(header):
                    return "Headers." + invocation.TargetMethod.Name + "(\"" + header + "\")";

                // HttpContext.Request.Headers.Authorization (ASP.NET Core IHeaderDictionary, StringValues)
                case IPropertyReferenceOperation { Property.Name: "Authorization" or "ProxyAuthorization" } property when
                    IsHeaderCollection(property.Property.ContainingType) || IsHeaderCollection(property.Instance?.Type):
                    return "Headers." + property.Property.Name;

                default:
                    return null;
            }
        }

        /// <summary>
        /// The part of a logged value that carries a recognised header (the value itself, or the hole of an
        /// interpolation / the operand of a concatenation that holds it), or null.
        /// </summary>
        public IOperation? FindIn(IOperation value, out string what)
        {
            what = string.Empty;
            var unwrapped = SensitiveValueTracer.Unwrap(value);
            if (unwrapped is IInterpolatedStringOperation interpolated)
            {
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && Carries(hole.Expression, 0) is { } found)
                    {
                        // The whole hole, braces included, as the tracer reports it: the code fix edits that part.
                        what = found;
                        return hole;
                    }
                }

                return null;
            }

            if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String)
            {
                foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand })
                {
                    if (Carries(operand, 0) is { } found)
                    {
                        what = found;
                        return operand;
                    }
                }

                return null;
            }

            var whole = Carries(value, 0);
            what = whole ?? string.Empty;
            return whole is null ? null : value;
        }

        /// <summary>Follows text through calls that pass it on (First(), string.Join, ToString()), ?:, ?? and concatenation.</summary>
        private string? Carries(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            var op = SensitiveValueTracer.Unwrap(operation);
            if (op.ConstantValue.HasValue)
            {
                return null;
            }

            if (Recognize(op) is { } found)
            {
                return found;
            }

            switch (op)
            {
                case IInvocationOperation invocation when !IsNeverText(invocation.Type):
                    if (invocation.Instance is not null && Carries(invocation.Instance, depth + 1) is { } fromInstance)
                    {
                        return fromInstance;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (Carries(argument.Value, depth + 1) is { } fromArgument)
                        {
                            return fromArgument;
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return Carries(binary.LeftOperand, depth + 1) ?? Carries(binary.RightOperand, depth + 1);
                case IConditionalOperation conditional:
                    return Carries(conditional.WhenTrue, depth + 1) ?? Carries(conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return Carries(coalesce.Value, depth + 1) ?? Carries(coalesce.WhenNull, depth + 1);
                case IConditionalAccessOperation access:
                    // headers?.GetValues("Authorization"): what is printed is the access, not the receiver
                    // (Authorization?.Scheme prints the scheme only).
                    return Carries(access.WhenNotNull, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && Carries(hole.Expression, depth + 1) is { } fromHole)
                        {
                            return fromHole;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Counts, flags, lengths and other values: a header passed through Count() or Any() prints no credential.</summary>
        private bool IsNeverText(ITypeSymbol? type) =>
            type is not null && type.IsValueType && !SymbolEqualityComparer.Default.Equals(type, _symbols.StringValues);

        private bool IsCredentialHeader(string header) =>
            _names.IsSecretName(header, out _) || string.Equals(header, "Proxy-Authorization", System.StringComparison.OrdinalIgnoreCase);

        private bool IsHeaderCollection(ITypeSymbol? type) =>
            type is not null &&
            ((_symbols.HttpHeaders is not null && LoggingSymbols.InheritsFrom(type, _symbols.HttpHeaders)) ||
             LoggingSymbols.IsOrImplements(type, _symbols.AspNetHeaderDictionary));
    }
}
