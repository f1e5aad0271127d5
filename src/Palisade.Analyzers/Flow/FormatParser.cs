using System.Collections.Generic;
using System.Text;

namespace Palisade.Analyzers.Flow
{
    /// <summary>Splits a composite format string ("a {0} b {1:N2}") into text and argument references, in order.</summary>
    internal static class FormatParser
    {
        internal readonly struct Piece
        {
            public Piece(string text, int index, bool hasFormat)
            {
                Text = text;
                Index = index;
                HasFormat = hasFormat;
            }

            /// <summary>Literal text; empty for an argument reference.</summary>
            public string Text { get; }

            /// <summary>The argument index, or -1 for literal text.</summary>
            public int Index { get; }

            /// <summary>True when the reference has an alignment or a format string ("{0,5}", "{0:N2}").</summary>
            public bool HasFormat { get; }
        }

        /// <summary>False when the format is malformed (string.Format would throw), so callers fall back to "unknown order".</summary>
        public static bool TryParse(string format, out List<Piece> pieces)
        {
            pieces = new List<Piece>();
            var text = new StringBuilder();
            var i = 0;
            while (i < format.Length)
            {
                var c = format[i];
                if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
                {
                    text.Append('{');
                    i += 2;
                    continue;
                }

                if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
                {
                    text.Append('}');
                    i += 2;
                    continue;
                }

                if (c == '}')
                {
                    return false;
                }

                if (c != '{')
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                var close = format.IndexOf('}', i);
                if (close < 0)
                {
                    return false;
                }

                var inside = format.Substring(i + 1, close - i - 1);
                var end = 0;
                while (end < inside.Length && char.IsDigit(inside[end]))
                {
                    end++;
                }

                if (end == 0 || !int.TryParse(inside.Substring(0, end), out var index))
                {
                    return false;
                }

                if (text.Length > 0)
                {
                    pieces.Add(new Piece(text.ToString(), -1, false));
                    text.Clear();
                }

                pieces.Add(new Piece(string.Empty, index, inside.Trim().Length > end));
                i = close + 1;
            }

            if (text.Length > 0)
            {
                pieces.Add(new Piece(text.ToString(), -1, false));
            }

            return true;
        }
    }
}
