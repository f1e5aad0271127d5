using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// The project-wide options of the secrets-in-logs rules (documented in docs/configuration/logging.md):
    /// <c>palisade.secret_words</c> (shared with PAL2xxx), <c>palisade.logging.sanitizers</c> and
    /// <c>palisade.logging.sensitive_attributes</c>. Read once per compilation.
    /// </summary>
    internal sealed class LoggingOptions
    {
        /// <summary>Names that also mean "secret" when they reach a log, on top of the shared secret words.</summary>
        public static readonly ImmutableArray<string> LogOnlyTerms = ImmutableArray.Create("connection string", "authorization");

        /// <summary>A method whose name contains one of these words hides the value it is given.</summary>
        public static readonly ImmutableArray<string> DefaultSanitizers = ImmutableArray.Create("Mask", "Redact", "Hash", "Sha", "Encrypt", "Protect");

        /// <summary>Attributes (by simple name, "Attribute" suffix optional) that mark a member as sensitive.</summary>
        public static readonly ImmutableArray<string> DefaultSensitiveAttributes = ImmutableArray.Create("PersonalData", "ProtectedPersonalData", "Sensitive");

        private LoggingOptions(SecretNames secretNames, ImmutableArray<string> sanitizers, ImmutableHashSet<string> sensitiveAttributes)
        {
            SecretNames = secretNames;
            Sanitizers = sanitizers;
            SensitiveAttributes = sensitiveAttributes;
        }

        public SecretNames SecretNames { get; }

        public ImmutableArray<string> Sanitizers { get; }

        public ImmutableHashSet<string> SensitiveAttributes { get; }

        public static LoggingOptions Read(AnalyzerOptions options)
        {
            var extraWords = PalisadeOptions.GetGlobalList(options, "secret_words");
            var sanitizers = PalisadeOptions.GetGlobalList(options, "logging.sanitizers");
            var attributes = PalisadeOptions.GetGlobalList(options, "logging.sensitive_attributes");
            return new LoggingOptions(
                SecretNames.WithExtraTerms(LogOnlyTerms.Concat(extraWords)),
                sanitizers.IsEmpty ? DefaultSanitizers : sanitizers,
                (attributes.IsEmpty ? DefaultSensitiveAttributes : attributes)
                    .Select(StripAttributeSuffix)
                    .ToImmutableHashSet(StringComparer.Ordinal));
        }

        public bool IsSanitizerName(string methodName)
        {
            foreach (var word in Sanitizers)
            {
                if (methodName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        public static string StripAttributeSuffix(string name) =>
            name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length
                ? name.Substring(0, name.Length - "Attribute".Length)
                : name;
    }
}
