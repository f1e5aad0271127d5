using System.Collections.Generic;
using System.Text;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Splits identifiers and keys into lower-case words: camelCase, PascalCase, snake_case, kebab-case,
    /// dotted and colon-separated keys ("Db:Password"), and acronym runs ("DBPassword" -> db, password).
    /// </summary>
    internal static class NameWords
    {
        public static List<string> Split(string name)
        {
            var words = new List<string>();
            if (string.IsNullOrEmpty(name))
            {
                return words;
            }

            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(current, words);
                    continue;
                }

                if (current.Length > 0 && StartsNewWord(name, i))
                {
                    Flush(current, words);
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(current, words);
            return words;
        }

        private static bool StartsNewWord(string name, int i)
        {
            var c = name[i];
            var previous = name[i - 1];
            if (char.IsUpper(c))
            {
                // "dbPassword": lower then upper. "DBPassword": the P starts a word because a lower letter follows.
                return char.IsLower(previous) || char.IsDigit(previous) ||
                       (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
            }

            // Digits stay with the word they follow ("password2", "sha256"), so a number never becomes a word alone.
            return false;
        }

        private static void Flush(StringBuilder current, List<string> words)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
