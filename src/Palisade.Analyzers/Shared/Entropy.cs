using System;
using System.Collections.Generic;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// "Looks randomly generated": long enough, one token of base64/hex/url-safe characters, letters and digits
    /// mixed, and a high Shannon entropy. Used only next to a key-ish name ("Jwt:Key", "HmacKey") where the name
    /// alone is too weak ("CacheKey", "SortKey") and the value has to prove it is a secret.
    /// </summary>
    internal static class Entropy
    {
        public const int MinimumLength = 20;

        public static bool LooksRandom(string value)
        {
            if (value.Length < MinimumLength)
            {
                return false;
            }

            bool upper = false, lower = false, digit = false, hexOnly = true;
            var counts = new Dictionary<char, int>();
            foreach (var c in value)
            {
                var ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                var number = c >= '0' && c <= '9';
                if (!ascii && !number && c != '+' && c != '/' && c != '=' && c != '_' && c != '-')
                {
                    return false;
                }

                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                digit |= number;
                hexOnly &= number || (c >= 'a' && c <= 'f');
                counts.TryGetValue(c, out var n);
                counts[c] = n + 1;
            }

            // Generated keys mix cases and digits (base64) or are long lowercase hex; "user-profile-cache-v2" is neither.
            var mixed = upper && lower && digit;
            var longHex = hexOnly && digit && lower && value.Length >= 32;
            if (!mixed && !longHex)
            {
                return false;
            }

            var bits = 0.0;
            foreach (var count in counts.Values)
            {
                var p = (double)count / value.Length;
                bits -= p * Math.Log(p, 2);
            }

            // Hex keys have at most 4 bits per character; base64 keys around 5-6. Words and dashed names stay below 3.5.
            return bits >= 3.5;
        }
    }
}
