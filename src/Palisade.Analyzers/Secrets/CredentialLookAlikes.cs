using System;
using System.Collections.Generic;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// PAL2001 values that sit under a secret-sounding name but are something else whose shape gives it away:
    /// an error code (<c>InvalidPassword = "28P01"</c>), a route (<c>"/account/reset-password"</c>), a cache-key
    /// prefix (<c>"tok:v2:"</c>), a keyword of some file format named "token" (<c>END_TOKEN = "EndGlobalSection"</c>),
    /// a public key token, the anonymous-login convention. Found on real code bases; each test here is narrow so a
    /// real credential does not slip through (a password rarely is a dictionary-word route or ends in a colon).
    /// </summary>
    internal static class CredentialLookAlikes
    {
        /// <summary>Words of a name that say its value is a code or a status, not a secret ("PasswordErrorCode").</summary>
        private static readonly HashSet<string> CodeWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "code", "codes", "errno", "sqlstate", "state", "status", "reason",
        };

        /// <param name="name">The name the value is written to (identifier, key, parameter).</param>
        /// <param name="term">The secret term the name matched ("token", "password"), or empty when the place itself is a secret.</param>
        /// <param name="text">The trimmed value.</param>
        public static bool IsLookAlike(string name, string term, string text) =>
            IsSqlState(text) ||
            IsVendorErrorCode(text) ||
            (HasCodeWord(name, term) && IsShortCode(text)) ||
            IsRoute(text) ||
            IsKeyPrefix(text) ||
            string.Equals(text, "anonymous", StringComparison.OrdinalIgnoreCase) ||
            NamesAPublicKey(name) ||
            (term == "token" && IsPascalCaseWords(text));

        /// <summary>
        /// SQLSTATE: five digits or capital letters, the first two the class ("28P01" invalid_password, "28000",
        /// "42501"). At least three digits, so that a five-letter word stays a candidate.
        /// </summary>
        public static bool IsSqlState(string text)
        {
            if (text.Length != 5 || !char.IsDigit(text[0]) && !char.IsDigit(text[1]))
            {
                return false;
            }

            var digits = 0;
            foreach (var c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    digits++;
                }
                else if (c < 'A' || c > 'Z')
                {
                    return false;
                }
            }

            return digits >= 3;
        }

        /// <summary>"ORA-01017", "MSB-4018": a vendor prefix in capitals, a dash, then only digits.</summary>
        private static bool IsVendorErrorCode(string text)
        {
            var dash = text.IndexOf('-');
            if (dash < 2 || dash > 6 || text.Length - dash - 1 < 3 || text.Length - dash - 1 > 6)
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var ok = i < dash ? c >= 'A' && c <= 'Z' : i == dash || (c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A code word outside the secret term: "pin code" configured as a secret word is the secret itself.</summary>
        private static bool HasCodeWord(string name, string term)
        {
            var termWords = term.Split(' ');
            foreach (var word in NameWords.Split(name))
            {
                if (CodeWords.Contains(word) && Array.IndexOf(termWords, word) < 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"18456", "E1001", "AUTH.401": up to twelve digits, capitals and separators, no lower-case letter.</summary>
        private static bool IsShortCode(string text)
        {
            if (text.Length > 12)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && c != '-' && c != '.' && c != '_')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// "/account/reset-password", "api/auth/refresh-token", "users/{id}/token": a leading slash or at least two
        /// segments, each made of plain words (all letters or all digits, joined by - _ . ~) or a {route parameter}.
        /// Generated secrets mix letters and digits inside one piece, so they do not pass.
        /// </summary>
        public static bool IsRoute(string text)
        {
            if (text.IndexOf('/') < 0)
            {
                return false;
            }

            var segments = text.Split('/');
            var nonEmpty = 0;
            var hasWord = false;
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                if (segment.Length == 0)
                {
                    // Only a leading or trailing slash: "a//b" is not a route.
                    if (i != 0 && i != segments.Length - 1)
                    {
                        return false;
                    }

                    continue;
                }

                nonEmpty++;
                if (segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
                {
                    continue;
                }

                if (!IsPlainWords(segment, ref hasWord))
                {
                    return false;
                }
            }

            return hasWord && (nonEmpty >= 2 || (text[0] == '/' && nonEmpty == 1));
        }

        /// <summary>
        /// "tok:v2:", "session:token:": a key prefix that code appends an id to. Ends with a colon, holds only
        /// letters, digits and - _ . : and at least one plain word of two or more letters.
        /// </summary>
        public static bool IsKeyPrefix(string text)
        {
            if (text[text.Length - 1] != ':')
            {
                return false;
            }

            var hasWord = false;
            foreach (var piece in text.Split(':'))
            {
                if (piece.Length == 0)
                {
                    continue;
                }

                if (!IsPlainWords(piece, ref hasWord) && !IsVersion(piece))
                {
                    return false;
                }
            }

            return hasWord;
        }

        /// <summary>"PublicKeyToken", "public_key", "publicKeyPem": a public key is published on purpose.</summary>
        private static bool NamesAPublicKey(string name)
        {
            var words = NameWords.Split(name);
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i] == "public" && i + 1 < words.Count && words[i + 1] == "key")
                {
                    return true;
                }

                if (words[i].StartsWith("publickey", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// "EndGlobalSection", "BeginProject": a keyword made of capitalised words, each at least three letters with a
        /// vowel. A lexer or file-format token, not an access token; short random letters ("QmVhcmVy") fail the word test.
        /// </summary>
        public static bool IsPascalCaseWords(string text)
        {
            if (text.Length > 48 || !char.IsUpper(text[0]))
            {
                return false;
            }

            var words = 0;
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i < text.Length && !char.IsLetter(text[i]))
                {
                    return false;
                }

                if (i == text.Length || char.IsUpper(text[i]))
                {
                    if (!IsWord(text, start, i))
                    {
                        return false;
                    }

                    words++;
                    start = i;
                }
            }

            return words >= 2;
        }

        private static bool IsWord(string text, int start, int end)
        {
            if (end - start < 3)
            {
                return false;
            }

            var vowel = false;
            for (var i = start; i < end; i++)
            {
                if (i > start && char.IsUpper(text[i]))
                {
                    return false;
                }

                vowel |= "aeiouyAEIOUY".IndexOf(text[i]) >= 0;
            }

            return vowel;
        }

        /// <summary>Pieces joined by - _ . ~, each all letters or all digits; sets <paramref name="hasWord"/> on a two-letter word.</summary>
        private static bool IsPlainWords(string segment, ref bool hasWord)
        {
            var letters = 0;
            var digits = 0;
            foreach (var c in segment + "-")
            {
                if (c == '-' || c == '_' || c == '.' || c == '~')
                {
                    if (letters > 0 && digits > 0)
                    {
                        return false;
                    }

                    hasWord |= letters >= 2;
                    letters = 0;
                    digits = 0;
                }
                else if (c >= '0' && c <= '9')
                {
                    digits++;
                }
                else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                {
                    letters++;
                }
                else
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"v2", "v10": a version tag inside a key prefix.</summary>
        private static bool IsVersion(string piece)
        {
            if (piece.Length < 2 || piece.Length > 4 || (piece[0] != 'v' && piece[0] != 'V'))
            {
                return false;
            }

            for (var i = 1; i < piece.Length; i++)
            {
                if (piece[i] < '0' || piece[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
