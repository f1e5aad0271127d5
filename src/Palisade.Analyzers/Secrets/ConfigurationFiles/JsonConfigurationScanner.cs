using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Palisade.Analyzers.Secrets.ConfigurationFiles
{
    /// <summary>
    /// Reads the string values of a JSON file (appsettings*.json, launchSettings.json) with their key paths.
    /// A forgiving tokenizer rather than a parser: comments and trailing commas are accepted (as ASP.NET Core
    /// accepts them) and broken JSON yields whatever could be read before the damage, never an exception.
    /// </summary>
    internal static class JsonConfigurationScanner
    {
        private sealed class Frame
        {
            public Frame(bool isObject, string? name)
            {
                IsObject = isObject;
                Name = name;
            }

            public bool IsObject { get; }

            /// <summary>The key (or array index) under which the parent holds this container.</summary>
            public string? Name { get; }

            public string? PendingKey { get; set; }

            public int Index { get; set; }
        }

        public static List<ConfigurationEntry> Scan(string text)
        {
            var entries = new List<ConfigurationEntry>();
            var frames = new List<Frame>();
            var scratch = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                var top = frames.Count > 0 ? frames[frames.Count - 1] : null;
                if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    i = SkipComment(text, i);
                    continue;
                }

                switch (c)
                {
                    case '{':
                    case '[':
                        frames.Add(new Frame(c == '{', NameInParent(top)));
                        if (top != null)
                        {
                            top.PendingKey = null;
                        }

                        i++;
                        break;
                    case '}':
                    case ']':
                        if (frames.Count > 0)
                        {
                            frames.RemoveAt(frames.Count - 1);
                        }

                        i++;
                        break;
                    case ',':
                        if (top != null)
                        {
                            top.PendingKey = null;
                            top.Index++;
                        }

                        i++;
                        break;
                    case '"':
                        var start = i + 1;
                        var value = ReadString(text, ref i, scratch);
                        if (top != null && top.IsObject && top.PendingKey is null)
                        {
                            top.PendingKey = value;
                        }
                        else if (top != null)
                        {
                            var name = NameInParent(top) ?? string.Empty;
                            var path = PathOf(frames, name, scratch);
                            var isConnectionString = frames.Count >= 2 && string.Equals(frames[1].Name, "ConnectionStrings", System.StringComparison.OrdinalIgnoreCase);
                            entries.Add(new ConfigurationEntry(path, name, value, start, System.Math.Max(0, i - 1 - start), isConnectionString));
                            top.PendingKey = null;
                        }

                        break;
                    default:
                        i++;
                        break;
                }
            }

            return entries;
        }

        private static string? NameInParent(Frame? frame)
        {
            if (frame is null)
            {
                return null;
            }

            return frame.IsObject ? frame.PendingKey : frame.Index.ToString(CultureInfo.InvariantCulture);
        }

        private static string PathOf(List<Frame> frames, string last, StringBuilder builder)
        {
            builder.Clear();
            for (var f = 1; f < frames.Count; f++)
            {
                builder.Append(frames[f].Name).Append(':');
            }

            return builder.Append(last).ToString();
        }

        /// <summary>Reads a string starting at the opening quote; leaves <paramref name="i"/> after the closing quote (or at the end).</summary>
        private static string ReadString(string text, ref int i, StringBuilder builder)
        {
            // Most strings have no escapes: cut them out directly instead of copying character by character.
            var end = i + 1;
            while (end < text.Length && text[end] != '"' && text[end] != '\\' && text[end] != '\n')
            {
                end++;
            }

            if (end >= text.Length || text[end] != '\\')
            {
                var plain = text.Substring(i + 1, end - i - 1);
                i = end < text.Length && text[end] == '"' ? end + 1 : end;
                return plain;
            }

            builder.Clear();
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"')
                {
                    i++;
                    return builder.ToString();
                }

                if (c == '\n')
                {
                    // An unterminated string: stop at the line end so the rest of the file still scans.
                    return builder.ToString();
                }

                if (c == '\\' && i + 1 < text.Length)
                {
                    var e = text[i + 1];
                    i += 2;
                    switch (e)
                    {
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'u':
                            if (i + 4 <= text.Length && int.TryParse(text.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            {
                                builder.Append((char)code);
                                i += 4;
                            }

                            break;
                        default: builder.Append(e); break;
                    }

                    continue;
                }

                builder.Append(c);
                i++;
            }

            return builder.ToString();
        }

        private static int SkipComment(string text, int i)
        {
            if (text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                return end < 0 ? text.Length : end + 1;
            }

            var close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 2;
        }
    }
}
