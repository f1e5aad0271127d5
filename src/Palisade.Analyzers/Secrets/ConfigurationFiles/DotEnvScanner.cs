using System.Collections.Generic;

namespace Palisade.Analyzers.Secrets.ConfigurationFiles
{
    /// <summary>
    /// Reads <c>KEY=value</c> lines of .env files: <c>export</c> prefixes, single/double quotes and trailing
    /// <c># comments</c> on unquoted values. Lines that are not assignments are skipped.
    /// </summary>
    internal static class DotEnvScanner
    {
        public static List<ConfigurationEntry> Scan(string text)
        {
            var entries = new List<ConfigurationEntry>();
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                ReadLine(text, lineStart, lineEnd, entries);
                lineStart = lineEnd + 1;
            }

            return entries;
        }

        private static void ReadLine(string text, int start, int end, List<ConfigurationEntry> entries)
        {
            var i = start;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end || text[i] == '#')
            {
                return;
            }

            if (string.CompareOrdinal(text, i, "export ", 0, 7) == 0)
            {
                i += 7;
            }

            var equals = text.IndexOf('=', i, end - i);
            if (equals <= i)
            {
                return;
            }

            var key = text.Substring(i, equals - i).Trim();
            var valueStart = equals + 1;
            while (valueStart < end && (text[valueStart] == ' ' || text[valueStart] == '\t'))
            {
                valueStart++;
            }

            var valueEnd = end;
            while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
            {
                valueEnd--;
            }

            if (valueEnd > valueStart + 1 && (text[valueStart] == '"' || text[valueStart] == '\''))
            {
                var close = text.IndexOf(text[valueStart], valueStart + 1, valueEnd - valueStart - 1);
                valueStart++;
                valueEnd = close < 0 ? valueEnd : close;
            }
            else
            {
                var comment = text.IndexOf(" #", valueStart, valueEnd - valueStart, System.StringComparison.Ordinal);
                if (comment >= 0)
                {
                    valueEnd = comment;
                }
            }

            if (key.Length > 0 && valueEnd >= valueStart)
            {
                entries.Add(new ConfigurationEntry(key, key, text.Substring(valueStart, valueEnd - valueStart), valueStart, valueEnd - valueStart, isConnectionString: false));
            }
        }
    }
}
