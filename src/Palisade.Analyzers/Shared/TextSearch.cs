using System;
using Microsoft.CodeAnalysis.Text;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Cheap "does this file mention X at all?" checks, so that a syntax-tree rule can skip a file before walking it.
    /// Reads the text in chunks instead of building one string of the whole file.
    /// </summary>
    internal static class TextSearch
    {
        private const int ChunkSize = 4096;

        public static bool Contains(SourceText text, string word)
        {
            if (word.Length == 0 || text.Length < word.Length)
            {
                return word.Length == 0;
            }

            // Each chunk repeats the last (word.Length - 1) characters of the previous one, so a match across the
            // boundary is still seen.
            var window = ChunkSize + word.Length;
            var buffer = RentBuffer(window);
            var overlap = word.Length - 1;
            for (var start = 0; start < text.Length; start += ChunkSize)
            {
                var from = Math.Max(0, start - overlap);
                var count = Math.Min(text.Length - from, window);
                text.CopyTo(from, buffer, 0, count);
                if (IndexOf(buffer, count, word) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// One buffer per thread, reused: this runs once per file of the compilation, and a fresh 8 KB array per
        /// file is garbage the GC then charges to whichever analyzer happens to be running.
        /// </summary>
        [ThreadStatic]
        private static char[]? t_buffer;

        private static char[] RentBuffer(int length)
        {
            var buffer = t_buffer;
            if (buffer is null || buffer.Length < length)
            {
                t_buffer = buffer = new char[length];
            }

            return buffer;
        }

        private static int IndexOf(char[] buffer, int count, string word)
        {
            var last = count - word.Length;
            for (var i = 0; i <= last; i++)
            {
                if (buffer[i] != word[0])
                {
                    continue;
                }

                var j = 1;
                while (j < word.Length && buffer[i + j] == word[j])
                {
                    j++;
                }

                if (j == word.Length)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
