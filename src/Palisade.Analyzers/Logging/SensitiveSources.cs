using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// Recognises reads of request headers that carry credentials, which the name-based tracer cannot see:
    /// <c>request.Headers.GetValues("Authorization")</c> (System.Net.Http), and ASP.NET Core's
    /// <c>Request.Headers.Authorization</c> / <c>Headers.ProxyAuthorization</c> and <c>Headers.TryGetValue(...)</c> reads.
    /// <see cref="Recognize"/> looks at one operation; the logging policy calls it for every value the flow core's walker
    /// meets, so a header read is found through locals, concatenation, string.Join, First() and helpers alike.
    /// </summary>
    internal sealed class SensitiveSources
    {
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
            switch (SensitiveValues.Unwrap(operation))
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

        private bool IsCredentialHeader(string header) =>
            _names.IsSecretName(header, out _) || string.Equals(header, "Proxy-Authorization", System.StringComparison.OrdinalIgnoreCase);

        private bool IsHeaderCollection(ITypeSymbol? type) =>
            type is not null &&
            ((_symbols.HttpHeaders is not null && TypeHierarchy.InheritsFrom(type, _symbols.HttpHeaders)) ||
             TypeHierarchy.IsOrImplements(type, _symbols.AspNetHeaderDictionary));
    }
}
