using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// The options of the secrets-in-logs rules (documented in docs/configuration/logging.md):
    /// <c>palisade.secret_words</c> (shared with PAL2xxx), <c>palisade.logging.sanitizers</c> and
    /// <c>palisade.logging.sensitive_attributes</c>. Read like every Palisade option: the file's own section first,
    /// then the global config (see <see cref="PalisadeOptions"/>), and built once per distinct section.
    /// </summary>
    internal sealed class LoggingOptions
    {
        /// <summary>Names that also mean "secret" when they reach a log, on top of the shared secret words.</summary>
        public static readonly ImmutableArray<string> LogOnlyTerms = ImmutableArray.Create("connection string", "authorization");

        /// <summary>
        /// Methods that hide the value they are given, matched by whole name (a name alone matches that method on any
        /// type; "Type.Method" matches one type's). Whole names, because "Unprotect", "Unmask" or "BuildShareLink"
        /// contain a sanitizer's name and do the opposite.
        /// </summary>
        public static readonly ImmutableArray<string> DefaultSanitizers = ImmutableArray.Create(
            "Mask", "MaskSecret", "Redact", "Hash", "HashData", "ComputeHash", "HashPassword", "Encrypt", "Protect", "Sha256", "Sha512");

        /// <summary>Attributes (by simple name, "Attribute" suffix optional) that mark a member as sensitive.</summary>
        public static readonly ImmutableArray<string> DefaultSensitiveAttributes = ImmutableArray.Create("PersonalData", "ProtectedPersonalData", "Sensitive");

        private readonly AnalyzerOptions? _analyzerOptions;
        private readonly ImmutableHashSet<string> _sanitizerNames;
        private readonly ImmutableHashSet<string> _sanitizerQualifiedNames;

        private LoggingOptions(AnalyzerOptions? analyzerOptions, SecretNames secretNames, ImmutableArray<string> sanitizers, ImmutableHashSet<string> sensitiveAttributes)
        {
            _analyzerOptions = analyzerOptions;
            SecretNames = secretNames;
            Sanitizers = sanitizers;
            SensitiveAttributes = sensitiveAttributes;
            _sanitizerNames = sanitizers.Where(s => s.IndexOf('.') < 0).ToImmutableHashSet(StringComparer.Ordinal);
            _sanitizerQualifiedNames = sanitizers.Where(s => s.IndexOf('.') >= 0).Select(s => s.StartsWith("M:", StringComparison.Ordinal) ? s.Substring(2) : s).ToImmutableHashSet(StringComparer.Ordinal);
        }

        public SecretNames SecretNames { get; }

        public ImmutableArray<string> Sanitizers { get; }

        public ImmutableHashSet<string> SensitiveAttributes { get; }

        /// <summary>The options of the whole project; <see cref="For"/> gives a file's own.</summary>
        public static LoggingOptions Read(AnalyzerOptions options) => Create(options, PalisadeOptions.For(options, (SyntaxTree?)null));

        /// <summary>The options that apply to <paramref name="tree"/>: its .editorconfig section, then the global config.</summary>
        public LoggingOptions For(SyntaxTree? tree) =>
            _analyzerOptions is null || tree is null
                ? this
                : PalisadeOptions.For(_analyzerOptions, tree).Derived("logging", file => Create(_analyzerOptions, file));

        private static LoggingOptions Create(AnalyzerOptions options, FileOptions file)
        {
            var extraWords = file.GetList("secret_words");
            var sanitizers = file.GetList("logging.sanitizers");
            var attributes = file.GetList("logging.sensitive_attributes");
            return new LoggingOptions(
                options,
                SecretNames.WithExtraTerms(LogOnlyTerms.Concat(extraWords)),
                sanitizers.IsEmpty ? DefaultSanitizers : sanitizers,
                (attributes.IsEmpty ? DefaultSensitiveAttributes : attributes)
                    .Select(StripAttributeSuffix)
                    .ToImmutableHashSet(StringComparer.Ordinal));
        }

        /// <summary>A configured sanitizer, by whole method name or "Namespace.Type.Method", or an override of one.</summary>
        public bool IsSanitizer(IMethodSymbol method)
        {
            var depth = 0;
            for (var current = method; current is not null && depth < 8; current = current.OverriddenMethod, depth++)
            {
                if (_sanitizerNames.Contains(current.Name) ||
                    (!_sanitizerQualifiedNames.IsEmpty && current.ContainingType is { } type &&
                     _sanitizerQualifiedNames.Contains(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + current.Name)))
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
