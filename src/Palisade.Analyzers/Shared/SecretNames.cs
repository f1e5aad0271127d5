using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Decides whether a name (identifier, property, configuration key) says that it holds a secret.
    /// Shared by the hard-coded credential rules (PAL2xxx) and the secrets-in-logs rules (PAL3xxx) so both
    /// agree on what a secret is. Extra words come from <c>palisade.secret_words</c>; words that mean
    /// "this is about the secret, not the secret" (passwordHash, tokenEndpoint) come last in a name and cancel it.
    /// </summary>
    internal sealed class SecretNames
    {
        /// <summary>The default terms. Multi-word terms match as consecutive words or run together ("apikey").</summary>
        public static readonly ImmutableArray<string> DefaultTerms = ImmutableArray.Create(
            "password", "passwd", "pwd", "passphrase", "pass phrase", "secret", "client secret", "api key",
            "apikey", "access key", "secret key", "private key", "token", "access token", "refresh token",
            "bearer token", "auth token", "credential", "credentials", "signing key", "encryption key",
            "master key", "shared key", "account key", "sas token", "subscription key", "auth key", "connection string");

        /// <summary>
        /// A last word that turns the name into metadata about a secret: its hash, length, label, where it is
        /// stored, how it is validated. "passwordHash" and "tokenEndpoint" hold no secret.
        /// </summary>
        public static readonly ImmutableHashSet<string> DefaultQualifiers = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "hash", "hashed", "hasher", "hashing", "salt", "length", "len", "policy", "policies", "label", "prompt", "regex",
            "pattern", "field", "name", "names", "path", "file", "url", "uri", "endpoint", "type", "kind", "count",
            "expiry", "expiration", "expires", "expired", "lifetime", "header", "hint", "message", "text", "placeholder",
            "format", "validator", "validation", "attempts", "attempt", "reset", "changed", "required", "strength",
            "provider", "store", "manager", "service", "options", "settings", "section", "ids", "version",
            "rotation", "requirements", "error", "errors", "mask", "masked", "redacted", "encrypted", "protected",
            "min", "max", "minimum", "maximum", "box", "input", "textbox", "column", "parameter", "env",
            "variable", "source", "handler", "factory", "helper", "generator");

        public static readonly SecretNames Default = new SecretNames(DefaultTerms, DefaultQualifiers);

        private readonly ImmutableArray<string[]> _terms;
        private readonly ImmutableHashSet<string> _compactTerms;
        private readonly ImmutableHashSet<string> _qualifiers;

        public SecretNames(IEnumerable<string> terms, ImmutableHashSet<string> qualifiers)
        {
            _terms = terms
                .Select(t => t.Split(new[] { ' ', '_', '-' }, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray())
                .Where(words => words.Length > 0)
                .ToImmutableArray();
            _compactTerms = _terms.Select(words => string.Concat(words)).ToImmutableHashSet(StringComparer.Ordinal);
            _qualifiers = qualifiers;
        }

        /// <summary>Builds the matcher for a set of options: the defaults plus <c>palisade.secret_words</c>.</summary>
        public static SecretNames WithExtraTerms(IEnumerable<string> extraTerms)
        {
            var extra = extraTerms.ToList();
            return extra.Count == 0 ? Default : new SecretNames(DefaultTerms.Concat(extra), DefaultQualifiers);
        }

        /// <summary>True when <paramref name="name"/> names a secret; <paramref name="term"/> is the term that matched.</summary>
        public bool IsSecretName(string? name, out string term)
        {
            term = string.Empty;
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            var words = NameWords.Split(name!);
            if (words.Count == 0 || _qualifiers.Contains(words[words.Count - 1]))
            {
                return false;
            }

            // Compact forms first: "apikey", "passwd", and words glued by the author ("dbpassword" is not split, so also check suffixes).
            foreach (var word in words)
            {
                if (_compactTerms.Contains(word))
                {
                    term = word;
                    return true;
                }
            }

            foreach (var termWords in _terms)
            {
                if (ContainsRun(words, termWords) || ContainsJoined(words, termWords))
                {
                    term = string.Join(" ", termWords);
                    return true;
                }
            }

            return false;
        }

        private static bool ContainsRun(List<string> words, string[] run)
        {
            for (var start = 0; start + run.Length <= words.Count; start++)
            {
                var all = true;
                for (var i = 0; i < run.Length && all; i++)
                {
                    all = words[start + i] == run[i];
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"ApiKey" splits to api+key; "APIKEY" stays one word: compare the term with adjacent words joined.</summary>
        private static bool ContainsJoined(List<string> words, string[] run)
        {
            if (run.Length < 2)
            {
                return false;
            }

            var joined = string.Concat(run);
            for (var start = 0; start < words.Count; start++)
            {
                var text = string.Empty;
                for (var end = start; end < words.Count && text.Length < joined.Length; end++)
                {
                    text += words[end];
                    if (text == joined)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
