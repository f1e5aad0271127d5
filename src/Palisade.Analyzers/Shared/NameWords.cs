using System.Collections.Generic;

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
            Split(name, words);
            return words;
        }

        /// <summary>
        /// Fills <paramref name="words"/> (cleared first), so a caller that splits a name for nearly every value it
        /// sees can reuse one list. A word costs one string, or none when it is the whole name in lower case.
        /// </summary>
        public static void Split(string name, List<string> words)
        {
            words.Clear();
            if (string.IsNullOrEmpty(name))
            {
                return;
            }

            var start = -1;
            for (var i = 0; i < name.Length; i++)
            {
                if (!char.IsLetterOrDigit(name[i]))
                {
                    if (start >= 0)
                    {
                        words.Add(Word(name, start, i));
                        start = -1;
                    }

                    continue;
                }

                if (start < 0)
                {
                    start = i;
                }
                else if (StartsNewWord(name, i))
                {
                    words.Add(Word(name, start, i));
                    start = i;
                }
            }

            if (start >= 0)
            {
                words.Add(Word(name, start, name.Length));
            }
        }

        private static string Word(string name, int start, int end)
        {
            var lower = true;
            for (var i = start; i < end && lower; i++)
            {
                lower = char.ToLowerInvariant(name[i]) == name[i];
            }

            var text = start == 0 && end == name.Length ? name : name.Substring(start, end - start);
            return lower ? text : text.ToLowerInvariant();
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
    }
}
