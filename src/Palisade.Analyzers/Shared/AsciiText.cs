namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Searches for ASCII words in characters read through <see cref="ICharSource"/>, letters optionally without
    /// case. The literal gates use it on raw source text, where they must answer "maybe" rather than "no" for a
    /// character outside ASCII (a case-insensitive comparison of one is not settled by ASCII folding): they ask
    /// <see cref="HasNonAscii"/> first.
    /// </summary>
    internal static class AsciiText
    {
        public static bool HasNonAscii<TChars>(TChars text, int start, int end)
            where TChars : struct, ICharSource
        {
            for (var i = start; i < end; i++)
            {
                if (text[i] >= 128)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Does <paramref name="word"/> occur in [<paramref name="start"/>, <paramref name="end"/>)?</summary>
        public static bool Contains<TChars>(TChars text, int start, int end, string word, bool ignoreCase)
            where TChars : struct, ICharSource
        {
            for (var i = start; i + word.Length <= end; i++)
            {
                if (StartsWith(text, i, word, ignoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Does the text at <paramref name="start"/> spell <paramref name="word"/>? The caller checks there is room.</summary>
        public static bool StartsWith<TChars>(TChars text, int start, string word, bool ignoreCase)
            where TChars : struct, ICharSource
        {
            for (var j = 0; j < word.Length; j++)
            {
                char a = text[start + j], b = word[j];
                if (a != b && (!ignoreCase || !IsLetter(a) || (a | 0x20) != (b | 0x20)))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsLetter(char c) => (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
}
