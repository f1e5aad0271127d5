using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Decides whether a string value, found where a secret is expected, is a real credential or something that
    /// only sits in a secret-shaped place: a label or message, a placeholder for a deployment tool, a configuration
    /// key or environment-variable name, a regular expression, a path. Everything here errs on the quiet side;
    /// the known-format rule (PAL2002) catches real tokens whatever their surroundings.
    /// </summary>
    internal static class SecretValues
    {
        public const int MinimumLength = 4;

        /// <summary>Words (compared without punctuation, case-insensitively) that announce "put the real value here".</summary>
        public static readonly ImmutableHashSet<string> DefaultPlaceholderWords = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "changeme", "changeit", "replaceme", "placeholder", "redacted", "removed", "hidden", "masked", "todo", "tbd", "fixme",
            "none", "null", "nil", "undefined", "notset", "unset", "empty", "default", "sample", "example", "xxx", "yyy",
            "insertpasswordhere", "enterpasswordhere", "setme", "fillme", "overrideme", "setbyenvironment", "setinsecrets",
            "usersecrets", "fromenvironment", "fromvault", "keyvault", "notused", "unused", "dummy", "n/a", "na", "bearer", "basic");

        /// <summary>
        /// Published documentation values whose format marks them as fake. AWS's example keys end in "EXAMPLE" or
        /// contain "EXAMPLEKEY"; nothing else is treated as fake by content.
        /// </summary>
        public static bool IsPublishedExample(string value) =>
            value.EndsWith("EXAMPLE", StringComparison.Ordinal) || value.IndexOf("EXAMPLEKEY", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// True when <paramref name="value"/> is not a credential: empty, a label, a placeholder, a key name, a regex, a path or URL.
        /// </summary>
        public static bool IsNotACredential(string? value, SecretNames names, ImmutableHashSet<string>? extraPlaceholders = null)
        {
            if (value is null)
            {
                return true;
            }

            var text = value.Trim();
            if (text.Length < MinimumLength)
            {
                return true;
            }

            return HasWhitespace(text) ||
                   IsPlaceholder(text, extraPlaceholders) ||
                   IsDiagnosticCode(text) ||
                   IsPublishedExample(text) ||
                   IsKeyOrVariableName(text, names) ||
                   LooksLikeRegex(text) ||
                   LooksLikePathOrUrl(text) ||
                   ConnectionStrings.LooksLikeConnectionString(text);
        }

        /// <summary>
        /// "PAL2001", "CA2100", "SYSLIB0041": an id of a rule or error whose name mentions secrets
        /// (<c>CredentialInNamedSymbol = "PAL2001"</c>). Upper-case letters, then three to five digits, nothing else.
        /// </summary>
        private static bool IsDiagnosticCode(string text)
        {
            var letters = 0;
            while (letters < text.Length && text[letters] >= 'A' && text[letters] <= 'Z')
            {
                letters++;
            }

            var digits = text.Length - letters;
            if (letters < 2 || letters > 8 || digits < 3 || digits > 5)
            {
                return false;
            }

            for (var i = letters; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Labels and messages ("Enter your password") contain spaces; real passwords almost never do.</summary>
        private static bool HasWhitespace(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsPlaceholder(string text, ImmutableHashSet<string>? extraPlaceholders = null)
        {
            if (text.Length == 0)
            {
                return true;
            }

            // Substitution syntaxes of template engines and deployment tools:
            // {0} {name} {{x}} <password> ${X} $(X) %(X) %X% #{X}# __X__ @X@ [X] $X
            var first = text[0];
            var last = text[text.Length - 1];
            if ((first == '{' && last == '}') || (first == '<' && last == '>') || (first == '[' && last == ']') ||
                (first == '%' && last == '%') || (first == '@' && last == '@') ||
                (first == '#' && text.Length > 1 && text[1] == '{') ||
                text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("$(", StringComparison.Ordinal) ||
                text.StartsWith("%(", StringComparison.Ordinal) ||
                (text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal)) ||
                (first == '$' && IsIdentifier(text, 1)))
            {
                return true;
            }

            if (ContainsFormatItem(text) || IsOneRepeatedCharacter(text))
            {
                return true;
            }

            var letters = LettersAndDigits(text);
            if (DefaultPlaceholderWords.Contains(letters) || (extraPlaceholders != null && (extraPlaceholders.Contains(text) || extraPlaceholders.Contains(letters))))
            {
                return true;
            }

            if (SpellsOutAFakeValue(text))
            {
                return true;
            }

            // "your-password-here", "YOUR_API_KEY", "<your token>" after trimming: the author asks the reader to fill it in.
            return letters.StartsWith("your", StringComparison.OrdinalIgnoreCase) && letters.Length > 4 && !HasDigit(letters) ||
                   letters.EndsWith("goeshere", StringComparison.OrdinalIgnoreCase) ||
                   letters.EndsWith("here", StringComparison.OrdinalIgnoreCase) && letters.StartsWith("insert", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Words that mark a value made up for a test or a sample ("test-token-7", "fake_password").</summary>
        private static readonly string[] FakeMarkerWords = { "test", "fake", "dummy", "mock", "stub", "sample", "example", "invalid", "expired", "bogus" };

        /// <summary>Words that only say which kind of secret the made-up value stands for.</summary>
        private static readonly string[] SecretKindWords =
        {
            "token", "password", "pass", "pwd", "secret", "key", "api", "apikey", "access", "refresh", "auth", "bearer",
            "client", "credential", "credentials", "user", "value", "my", "some",
        };

        /// <summary>
        /// "test-token-7", "fake_password", "dummy-api-key-2": separated words, at least one of them a test marker,
        /// the others the kind of secret or a number. Such a value describes itself; a real secret never does. A
        /// single glued word ("test1234") is not judged here: it may well be somebody's password.
        /// </summary>
        private static bool SpellsOutAFakeValue(string text)
        {
            var words = 0;
            var hasMarker = false;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != '-' && text[i] != '_' && text[i] != '.')
                {
                    continue;
                }

                var length = i - start;
                if (length == 0)
                {
                    return false;
                }

                words++;
                if (IsOneOf(text, start, length, FakeMarkerWords))
                {
                    hasMarker = true;
                }
                else if (!IsOneOf(text, start, length, SecretKindWords) && !IsDigits(text, start, length))
                {
                    return false;
                }

                start = i + 1;
            }

            return hasMarker && words >= 2;
        }

        private static bool IsOneOf(string text, int start, int length, string[] words)
        {
            foreach (var word in words)
            {
                if (word.Length == length && string.Compare(text, start, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDigits(string text, int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"Db:Password", "DB_PASSWORD", "x-api-key", "ApiKey": the value names a secret, it is not one.</summary>
        private static bool IsKeyOrVariableName(string text, SecretNames names)
        {
            var identifierLike = true;
            var digits = 0;
            var colons = 0;
            var underscores = 0;
            var lower = 0;
            foreach (var c in text)
            {
                if (c == ':')
                {
                    colons++;
                }
                else if (c == '_')
                {
                    underscores++;
                }
                else if (char.IsLower(c))
                {
                    lower++;
                }
                else if (char.IsDigit(c))
                {
                    digits++;
                }
                else if (!char.IsLetterOrDigit(c) && c != '.' && c != '-')
                {
                    identifierLike = false;
                }
            }

            if (!identifierLike)
            {
                return false;
            }

            // Key names carry no digits; "secret-01" or "pwd-7781" is a value that happens to contain the word.
            if (digits == 0 && names.IsSecretName(text, out _))
            {
                return true;
            }

            // A configuration path ("Jwt:Issuer:Key") or an environment-variable name ("JWT_SIGNING_KEY").
            if (colons > 0 && !text.StartsWith(":", StringComparison.Ordinal) && !text.EndsWith(":", StringComparison.Ordinal) && char.IsLetter(text[0]))
            {
                return true;
            }

            return underscores > 0 && lower == 0 && char.IsLetter(text[0]) && !HasDigitRun(text, 4);
        }

        private static bool LooksLikeRegex(string text) =>
            (text[0] == '^' && (text.IndexOf('[') >= 0 || text.IndexOf('(') >= 0 || text.IndexOf('\\') >= 0 || text[text.Length - 1] == '$')) ||
            text.IndexOf("(?=", StringComparison.Ordinal) >= 0 || text.IndexOf("(?!", StringComparison.Ordinal) >= 0 ||
            text.IndexOf("\\d", StringComparison.Ordinal) >= 0 || text.IndexOf("\\w", StringComparison.Ordinal) >= 0 ||
            text.IndexOf("[a-z", StringComparison.Ordinal) >= 0 || text.IndexOf("[A-Z", StringComparison.Ordinal) >= 0 ||
            text.IndexOf("[0-9", StringComparison.Ordinal) >= 0;

        private static bool LooksLikePathOrUrl(string text)
        {
            if (text.IndexOf("://", StringComparison.Ordinal) > 0)
            {
                return true;
            }

            if (text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("~/", StringComparison.Ordinal) ||
                text.StartsWith("../", StringComparison.Ordinal) || (text.Length > 2 && text[1] == ':' && (text[2] == '\\' || text[2] == '/')))
            {
                return true;
            }

            // "keys/signing.pem", "certs\\api.pfx": a separator and a short file extension at the end.
            var dot = text.LastIndexOf('.');
            var hasSeparator = text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0;
            if (hasSeparator && dot > 0 && text.Length - dot - 1 is >= 2 and <= 4)
            {
                for (var i = dot + 1; i < text.Length; i++)
                {
                    if (!char.IsLetter(text[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            return false;
        }

        private static bool ContainsFormatItem(string text)
        {
            var open = text.IndexOf('{');
            while (open >= 0 && open + 2 < text.Length)
            {
                var i = open + 1;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }

                if (i > open + 1 && i < text.Length && (text[i] == '}' || text[i] == ':' || text[i] == ','))
                {
                    return true;
                }

                open = text.IndexOf('{', open + 1);
            }

            return false;
        }

        private static bool IsOneRepeatedCharacter(string text)
        {
            foreach (var c in text)
            {
                if (c != text[0])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsIdentifier(string text, int start)
        {
            if (start >= text.Length || !(char.IsLetter(text[start]) || text[start] == '_'))
            {
                return false;
            }

            for (var i = start; i < text.Length; i++)
            {
                if (!char.IsLetterOrDigit(text[i]) && text[i] != '_')
                {
                    return false;
                }
            }

            return true;
        }

        private static string LettersAndDigits(string text)
        {
            var chars = new List<char>(text.Length);
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c) || c == '/')
                {
                    chars.Add(c);
                }
            }

            return new string(chars.ToArray());
        }

        private static bool HasDigit(string text)
        {
            foreach (var c in text)
            {
                if (char.IsDigit(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasDigitRun(string text, int run)
        {
            var count = 0;
            foreach (var c in text)
            {
                count = char.IsDigit(c) ? count + 1 : 0;
                if (count >= run)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
