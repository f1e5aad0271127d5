using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

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
            "variable", "source", "handler", "factory", "helper", "generator", "issuer", "issuers", "audience", "audiences",
            "prefix", "suffix", "route", "routes", "keyword");

        public static readonly SecretNames Default = new SecretNames(DefaultTerms, DefaultQualifiers);

        private readonly ImmutableArray<string[]> _terms;
        private readonly ImmutableHashSet<string> _compactTerms;
        private readonly ImmutableHashSet<string> _qualifiers;
        private readonly string[] _anchors;

        /// <summary>Verdicts on names that passed the letter and anchor gates: the matching term, or <see cref="NotSecret"/>.</summary>
        private readonly ConcurrentDictionary<string, string> _verdicts = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private int _remembered;

        /// <summary>Bounds the memory of a long-lived instance (the default one lives as long as the IDE).</summary>
        private const int MaxRemembered = 10_000;

        private static readonly string NotSecret = new string('\0', 1);

        /// <summary>One list per thread for the words of the name being checked: this runs for nearly every value.</summary>
        [ThreadStatic]
        private static List<string>? t_words;
        private readonly int[] _anchorLetters;

        public SecretNames(IEnumerable<string> terms, ImmutableHashSet<string> qualifiers)
        {
            _terms = terms
                .Select(t => t.Split(new[] { ' ', '_', '-' }, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray())
                .Where(words => words.Length > 0)
                .ToImmutableArray();
            _compactTerms = _terms.Select(words => string.Concat(words)).ToImmutableHashSet(StringComparer.Ordinal);
            _qualifiers = qualifiers;
            _anchors = MinimalAnchors(_compactTerms);
            _anchorLetters = _anchors.Select(anchor => LettersOf(anchor, out _)).ToArray();
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

            // Names are checked for nearly every value the rules see, and almost none are secret: reject without
            // splitting (which allocates) unless some term can be present at all.
            if (!MayContainTerm(name!))
            {
                return false;
            }

            // The names that get this far are few and come back often (the same property in every file that uses
            // it, numbered members of generated classes): remember their verdicts. A verdict depends on the name alone.
            if (_verdicts.TryGetValue(name!, out var known))
            {
                term = ReferenceEquals(known, NotSecret) ? string.Empty : known;
                return !ReferenceEquals(known, NotSecret);
            }

            var isSecret = Judge(name!, out term);
            if (_remembered < MaxRemembered && _verdicts.TryAdd(name!, isSecret ? term : NotSecret))
            {
                Interlocked.Increment(ref _remembered);
            }

            return isSecret;
        }

        private bool Judge(string name, out string term)
        {
            term = string.Empty;
            var words = t_words ??= new List<string>();
            NameWords.Split(name!, words);
            WithoutNumbers(words);
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

        /// <summary>
        /// The words without their numbers: generated and table-like code numbers its members ("TokenIssuer7",
        /// "DbPassword2", "PASSWORD_RESET_ROUTE_2"), and a number neither makes nor unmakes a secret. Only trailing
        /// digits go: "sha256key" stays one word.
        /// </summary>
        private static List<string> WithoutNumbers(List<string> words)
        {
            for (var i = words.Count - 1; i >= 0; i--)
            {
                var word = words[i];
                var end = word.Length;
                while (end > 0 && word[end - 1] >= '0' && word[end - 1] <= '9')
                {
                    end--;
                }

                if (end == 0)
                {
                    words.RemoveAt(i);
                }
                else if (end < word.Length)
                {
                    words[i] = word.Substring(0, end);
                }
            }

            return words;
        }

        /// <summary>
        /// A necessary condition for a match: the words of a name joined are its letters and digits lower-cased, and
        /// every way a term matches (one word, consecutive words, words joined) puts the term's compact form inside
        /// that text. So a name none of whose anchors appear there cannot name a secret.
        /// </summary>
        private bool MayContainTerm(string name)
        {
            // Cheaper still, and first: an anchor can only be inside the name if the name has all its letters.
            // One pass over the name gives the set of ASCII letters it holds; most names fail every anchor here.
            var letters = LettersOf(name, out var onlyAscii);
            for (var i = 0; i < _anchors.Length; i++)
            {
                if ((!onlyAscii || (_anchorLetters[i] & ~letters) == 0) && ContainsIgnoringSeparators(name, _anchors[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The ASCII letters of <paramref name="text"/>, case folded, as a bit set (a = bit 0). A name with other
        /// letters is not judged by it (<paramref name="onlyAscii"/> false): some fold to ASCII (the Kelvin sign to k).
        /// </summary>
        private static int LettersOf(string text, out bool onlyAscii)
        {
            var letters = 0;
            onlyAscii = true;
            foreach (var c in text)
            {
                var folded = (char)(c | 0x20);
                if (folded >= 'a' && folded <= 'z' && (c <= 'Z' || c >= 'a'))
                {
                    letters |= 1 << (folded - 'a');
                }
                else if (c > 0x7F)
                {
                    onlyAscii = false;
                }
            }

            return letters;
        }

        /// <summary>Does the lower-cased letters-and-digits text of <paramref name="name"/> contain <paramref name="lowerText"/>?</summary>
        private static bool ContainsIgnoringSeparators(string name, string lowerText)
        {
            for (var start = 0; start < name.Length; start++)
            {
                if (char.ToLowerInvariant(name[start]) != lowerText[0])
                {
                    continue;
                }

                var matched = 1;
                for (var i = start + 1; i < name.Length && matched < lowerText.Length; i++)
                {
                    var c = name[i];
                    if (!char.IsLetterOrDigit(c))
                    {
                        continue;
                    }

                    if (char.ToLowerInvariant(c) != lowerText[matched])
                    {
                        break;
                    }

                    matched++;
                }

                if (matched == lowerText.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The compact terms without those that contain another one ("clientsecret" holds "secret").</summary>
        private static string[] MinimalAnchors(ImmutableHashSet<string> compactTerms) =>
            compactTerms
                .Where(term => term.Length > 0 && !compactTerms.Any(other => other != term && other.Length > 0 && term.Contains(other)))
                .OrderBy(term => term, StringComparer.Ordinal)
                .ToArray();

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

            var joinedLength = 0;
            foreach (var part in run)
            {
                joinedLength += part.Length;
            }

            for (var start = 0; start < words.Count; start++)
            {
                if (JoinedWordsEqual(words, start, run, joinedLength))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Do words[start], words[start + 1], ... joined spell exactly the joined <paramref name="run"/>? Compares
        /// character by character instead of building the joined strings (this runs for every term and start word).
        /// </summary>
        private static bool JoinedWordsEqual(List<string> words, int start, string[] run, int joinedLength)
        {
            int runPart = 0, runIndex = 0, consumed = 0;
            for (var end = start; end < words.Count && consumed < joinedLength; end++)
            {
                var word = words[end];
                if (consumed + word.Length > joinedLength)
                {
                    return false;
                }

                foreach (var c in word)
                {
                    while (runIndex == run[runPart].Length)
                    {
                        runPart++;
                        runIndex = 0;
                    }

                    if (run[runPart][runIndex] != c)
                    {
                        return false;
                    }

                    runIndex++;
                }

                consumed += word.Length;
            }

            return consumed == joinedLength;
        }
    }
}
