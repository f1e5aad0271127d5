using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Palisade.Analyzers.Baseline
{
    /// <summary>
    /// Just enough JSON for the baseline file, reading and writing. The analyzer assembly may depend on nothing that
    /// Roslyn 4.8 does not carry, and System.Text.Json is not among those, so the reader is our own: objects become
    /// dictionaries, arrays lists, numbers doubles. Anything malformed throws <see cref="FormatException"/>.
    /// </summary>
    internal static class MiniJson
    {
        public static object? Parse(string text)
        {
            int position = 0;
            object? value = ReadValue(text, ref position, depth: 0);
            SkipWhitespace(text, ref position);
            if (position != text.Length)
            {
                throw new FormatException($"Unexpected text after the JSON value at offset {position}.");
            }

            return value;
        }

        public static string Quote(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        private static object? ReadValue(string text, ref int position, int depth)
        {
            if (depth > 64)
            {
                throw new FormatException("JSON nested too deeply.");
            }

            SkipWhitespace(text, ref position);
            if (position >= text.Length)
            {
                throw new FormatException("Unexpected end of JSON.");
            }

            char c = text[position];
            switch (c)
            {
                case '{':
                    return ReadObject(text, ref position, depth);
                case '[':
                    return ReadArray(text, ref position, depth);
                case '"':
                    return ReadString(text, ref position);
                case 't':
                    Expect(text, ref position, "true");
                    return true;
                case 'f':
                    Expect(text, ref position, "false");
                    return false;
                case 'n':
                    Expect(text, ref position, "null");
                    return null;
                default:
                    return ReadNumber(text, ref position);
            }
        }

        private static Dictionary<string, object?> ReadObject(string text, ref int position, int depth)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            position++;
            SkipWhitespace(text, ref position);
            if (Peek(text, position) == '}')
            {
                position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace(text, ref position);
                if (Peek(text, position) != '"')
                {
                    throw new FormatException($"Expected a property name at offset {position}.");
                }

                string name = ReadString(text, ref position);
                SkipWhitespace(text, ref position);
                if (Peek(text, position) != ':')
                {
                    throw new FormatException($"Expected ':' at offset {position}.");
                }

                position++;
                result[name] = ReadValue(text, ref position, depth + 1);
                SkipWhitespace(text, ref position);
                char next = Peek(text, position);
                position++;
                if (next == '}')
                {
                    return result;
                }

                if (next != ',')
                {
                    throw new FormatException($"Expected ',' or '}}' at offset {position - 1}.");
                }
            }
        }

        private static List<object?> ReadArray(string text, ref int position, int depth)
        {
            var result = new List<object?>();
            position++;
            SkipWhitespace(text, ref position);
            if (Peek(text, position) == ']')
            {
                position++;
                return result;
            }

            while (true)
            {
                result.Add(ReadValue(text, ref position, depth + 1));
                SkipWhitespace(text, ref position);
                char next = Peek(text, position);
                position++;
                if (next == ']')
                {
                    return result;
                }

                if (next != ',')
                {
                    throw new FormatException($"Expected ',' or ']' at offset {position - 1}.");
                }
            }
        }

        private static string ReadString(string text, ref int position)
        {
            position++;
            var builder = new StringBuilder();
            while (position < text.Length)
            {
                char c = text[position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (position >= text.Length)
                {
                    break;
                }

                char escape = text[position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (position + 4 > text.Length
                            || !int.TryParse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new FormatException($"Bad \\u escape at offset {position}.");
                        }

                        builder.Append((char)code);
                        position += 4;
                        break;
                    default:
                        throw new FormatException($"Bad escape '\\{escape}' at offset {position - 1}.");
                }
            }

            throw new FormatException("Unterminated string in JSON.");
        }

        private static double ReadNumber(string text, ref int position)
        {
            int start = position;
            while (position < text.Length && "+-0123456789.eE".IndexOf(text[position]) >= 0)
            {
                position++;
            }

            if (position == start
                || !double.TryParse(text.Substring(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new FormatException($"Unexpected character at offset {start}.");
            }

            return value;
        }

        private static void Expect(string text, ref int position, string word)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
            {
                throw new FormatException($"Expected '{word}' at offset {position}.");
            }

            position += word.Length;
        }

        private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

        private static void SkipWhitespace(string text, ref int position)
        {
            while (position < text.Length && (text[position] is ' ' or '\t' or '\r' or '\n' || text[position] == '\uFEFF'))
            {
                position++;
            }
        }
    }
}
