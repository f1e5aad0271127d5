using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Palisade.Analyzers.Secrets.ConfigurationFiles
{
    /// <summary>
    /// Reads the values of an XML configuration file (web.config, app.config, nuget.config): <c>&lt;add key value&gt;</c>
    /// pairs of appSettings, <c>connectionString</c> attributes, any attribute or element whose name says secret
    /// (<c>&lt;network password="..."&gt;</c>, <c>&lt;Password&gt;...&lt;/Password&gt;</c>). A forgiving tag scanner,
    /// not an XML parser: broken markup yields what could be read, never an exception.
    /// </summary>
    internal static class XmlConfigurationScanner
    {
        private readonly struct Attribute
        {
            public Attribute(string name, string value, int start, int length)
            {
                Name = name;
                Value = value;
                Start = start;
                Length = length;
            }

            public string Name { get; }

            public string Value { get; }

            public int Start { get; }

            public int Length { get; }
        }

        public static List<ConfigurationEntry> Scan(string text)
        {
            var entries = new List<ConfigurationEntry>();
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOf('<', i);
                if (open < 0 || open + 1 >= text.Length)
                {
                    break;
                }

                if (string.CompareOrdinal(text, open, "<!--", 0, 4) == 0)
                {
                    i = SkipPast(text, open + 4, "-->");
                    continue;
                }

                if (string.CompareOrdinal(text, open, "<![CDATA[", 0, 9) == 0)
                {
                    i = SkipPast(text, open + 9, "]]>");
                    continue;
                }

                var next = text[open + 1];
                if (next == '?' || next == '!' || next == '/')
                {
                    i = SkipPast(text, open + 1, ">");
                    continue;
                }

                i = ReadElement(text, open + 1, entries);
            }

            return entries;
        }

        /// <summary>Reads one start tag (name, attributes) and, for a secret-named element, its text. Returns where to go on.</summary>
        private static int ReadElement(string text, int i, List<ConfigurationEntry> entries)
        {
            var nameStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>' && text[i] != '/' && text[i] != '<')
            {
                i++;
            }

            var element = text.Substring(nameStart, i - nameStart);
            var attributes = new List<Attribute>();
            var selfClosing = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '>' || c == '<')
                {
                    break;
                }

                if (c == '/')
                {
                    selfClosing = true;
                    i++;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                var attributeStart = i;
                while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]) && text[i] != '>' && text[i] != '/' && text[i] != '<')
                {
                    i++;
                }

                var attributeName = text.Substring(attributeStart, i - attributeStart);
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length || text[i] != '=')
                {
                    continue;
                }

                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i < text.Length && (text[i] == '"' || text[i] == '\''))
                {
                    var quote = text[i];
                    var valueStart = i + 1;
                    var close = text.IndexOf(quote, valueStart);
                    if (close < 0)
                    {
                        // An unterminated value: nothing trustworthy follows.
                        i = text.Length;
                        break;
                    }

                    attributes.Add(new Attribute(attributeName, Decode(text.Substring(valueStart, close - valueStart)), valueStart, close - valueStart));
                    i = close + 1;
                    selfClosing = false;
                }
            }

            if (i < text.Length && text[i] == '>')
            {
                i++;
            }

            AddAttributeEntries(element, attributes, entries);
            if (!selfClosing && i < text.Length)
            {
                // <Password>value</Password>: the text up to the next tag.
                var textEnd = text.IndexOf('<', i);
                if (textEnd > i && string.CompareOrdinal(text, textEnd, "</", 0, 2) == 0)
                {
                    var raw = text.Substring(i, textEnd - i);
                    var trimmed = raw.Trim();
                    if (trimmed.Length > 0)
                    {
                        var offset = i + raw.IndexOf(trimmed, StringComparison.Ordinal);
                        entries.Add(new ConfigurationEntry(element, element, Decode(trimmed), offset, trimmed.Length, isConnectionString: false));
                    }
                }
            }

            return i;
        }

        private static void AddAttributeEntries(string element, List<Attribute> attributes, List<ConfigurationEntry> entries)
        {
            Attribute? key = null, value = null, connectionString = null, name = null;
            foreach (var attribute in attributes)
            {
                switch (attribute.Name.ToLowerInvariant())
                {
                    case "key": key = attribute; break;
                    case "value": value = attribute; break;
                    case "connectionstring": connectionString = attribute; break;
                    case "name": name = attribute; break;
                }
            }

            if (key.HasValue && value.HasValue)
            {
                var v = value.Value;
                entries.Add(new ConfigurationEntry(key.Value.Value, key.Value.Value, v.Value, v.Start, v.Length, isConnectionString: false));
            }

            if (connectionString.HasValue)
            {
                var c = connectionString.Value;
                var label = name.HasValue ? "connectionStrings:" + name.Value.Value : element + "@connectionString";
                entries.Add(new ConfigurationEntry(label, "connectionString", c.Value, c.Start, c.Length, isConnectionString: true));
            }

            // Any other attribute is judged by its own name: <network userName="..." password="..."/>.
            foreach (var attribute in attributes)
            {
                var lower = attribute.Name.ToLowerInvariant();
                if (lower != "key" && lower != "value" && lower != "connectionstring" && lower != "name")
                {
                    entries.Add(new ConfigurationEntry(element + "@" + attribute.Name, attribute.Name, attribute.Value, attribute.Start, attribute.Length, isConnectionString: false));
                }
            }
        }

        private static int SkipPast(string text, int from, string marker)
        {
            var at = text.IndexOf(marker, Math.Min(from, text.Length), StringComparison.Ordinal);
            return at < 0 ? text.Length : at + marker.Length;
        }

        private static string Decode(string value)
        {
            if (value.IndexOf('&') < 0)
            {
                return value;
            }

            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var semicolon = value[i] == '&' ? value.IndexOf(';', i) : -1;
                if (semicolon > i && semicolon - i <= 10)
                {
                    var entity = value.Substring(i + 1, semicolon - i - 1);
                    var decoded = entity switch
                    {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => DecodeNumeric(entity),
                    };
                    if (decoded != null)
                    {
                        builder.Append(decoded);
                        i = semicolon;
                        continue;
                    }
                }

                builder.Append(value[i]);
            }

            return builder.ToString();
        }

        private static string? DecodeNumeric(string entity)
        {
            if (entity.Length < 2 || entity[0] != '#')
            {
                return null;
            }

            var hex = entity[1] == 'x' || entity[1] == 'X';
            var digits = entity.Substring(hex ? 2 : 1);
            return int.TryParse(digits, hex ? NumberStyles.HexNumber : NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) && code > 0 && code < 0xD800
                ? ((char)code).ToString()
                : null;
        }
    }
}
