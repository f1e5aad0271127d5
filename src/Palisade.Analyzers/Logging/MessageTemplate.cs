using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Palisade.Analyzers.Logging
{
    /// <summary>One hole of a message template: <c>{Name}</c>, <c>{@Name}</c>, <c>{Name:format}</c> or <c>{0}</c>.</summary>
    internal readonly struct Placeholder
    {
        public Placeholder(int start, int length, string name)
        {
            Start = start;
            Length = length;
            Name = name;
            IsNumeric = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
            Number = IsNumeric ? number : -1;
        }

        public int Start { get; }

        public int Length { get; }

        /// <summary>The property name without the destructuring mark (@ or $), alignment or format.</summary>
        public string Name { get; }

        public bool IsNumeric { get; }

        public int Number { get; }
    }

    /// <summary>
    /// Reads and edits the message templates of Microsoft.Extensions.Logging, Serilog and NLog, and the composite
    /// formats of string.Format, Console and log4net's *Format methods. Named holes bind to arguments by position;
    /// when every hole is numeric the number is the argument index (the rule all four libraries share).
    /// </summary>
    internal static class MessageTemplate
    {
        public static List<Placeholder> Parse(string text)
        {
            var holes = new List<Placeholder>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                if (c == '{')
                {
                    var close = text.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        break;
                    }

                    var content = text.Substring(i + 1, close - i - 1);
                    var end = content.IndexOfAny(new[] { ',', ':' });
                    var name = (end >= 0 ? content.Substring(0, end) : content).Trim().TrimStart('@', '$');
                    holes.Add(new Placeholder(i, close - i + 1, name));
                    i = close + 1;
                    continue;
                }

                i++;
            }

            return holes;
        }

        /// <summary>The holes bound to the argument at <paramref name="argumentIndex"/> (after the template).</summary>
        public static List<Placeholder> HolesForArgument(List<Placeholder> holes, int argumentIndex)
        {
            if (holes.Count > 0 && holes.All(h => h.IsNumeric))
            {
                return holes.Where(h => h.Number == argumentIndex).ToList();
            }

            return argumentIndex < holes.Count ? new List<Placeholder> { holes[argumentIndex] } : new List<Placeholder>();
        }

        /// <summary>True when the template has exactly one binding for each of <paramref name="argumentCount"/> arguments.</summary>
        public static bool MatchesArgumentCount(List<Placeholder> holes, int argumentCount)
        {
            if (holes.Count > 0 && holes.All(h => h.IsNumeric))
            {
                return Enumerable.Range(0, argumentCount).All(n => holes.Any(h => h.Number == n)) && holes.All(h => h.Number < argumentCount);
            }

            return holes.Count == argumentCount;
        }

        /// <summary>
        /// Removes the holes of one argument, renumbers later numeric holes so the remaining arguments still line up,
        /// and tidies the words around the gap ("password={Password}" goes entirely). Returns null when it cannot.
        /// </summary>
        public static string? RemoveArgument(string text, int argumentIndex)
        {
            var holes = Parse(text);
            var removed = HolesForArgument(holes, argumentIndex);
            if (removed.Count == 0)
            {
                return null;
            }

            var numeric = holes.All(h => h.IsNumeric);
            var result = text.Substring(0, holes[0].Start);
            for (var i = 0; i < holes.Count; i++)
            {
                var hole = holes[i];
                var holeEnd = hole.Start + hole.Length;
                var nextStart = i + 1 < holes.Count ? holes[i + 1].Start : text.Length;
                var following = text.Substring(holeEnd, nextStart - holeEnd);
                if (removed.Contains(hole))
                {
                    var (before, after) = TidyGap(result, following);
                    result = before + after;
                }
                else
                {
                    var holeText = text.Substring(hole.Start, hole.Length);
                    result += (numeric && hole.Number > argumentIndex ? Renumber(holeText, hole.Number - 1) : holeText) + following;
                }
            }

            return result;
        }

        /// <summary>
        /// Tidies the text on each side of a removed value: drops a "label=" or "label:" that introduced it, the spaces
        /// before the gap, and leading separators when nothing is left before it. Shared with the interpolated-string fix.
        /// </summary>
        public static (string Before, string After) TidyGap(string before, string after)
        {
            var b = before.TrimEnd(' ');
            if (b.Length > 0 && (b[b.Length - 1] == '=' || b[b.Length - 1] == ':'))
            {
                var withoutMark = b.Substring(0, b.Length - 1).TrimEnd(' ');
                var w = withoutMark.Length;
                while (w > 0 && (char.IsLetterOrDigit(withoutMark[w - 1]) || withoutMark[w - 1] == '_' || withoutMark[w - 1] == '-'))
                {
                    w--;
                }

                b = withoutMark.Substring(0, w).TrimEnd(' ');
            }

            if (b.Length == 0 || b.EndsWith("{", StringComparison.Ordinal))
            {
                after = after.TrimStart(' ', ',', ';');
            }

            // "a={A}, key={Key}, b={B}": the separator before the gap and the one after it would double up.
            var next = after.TrimStart(' ');
            if (b.Length > 0 && (b[b.Length - 1] == ',' || b[b.Length - 1] == ';') && next.Length > 0 && next[0] == b[b.Length - 1])
            {
                b = b.Substring(0, b.Length - 1);
            }

            return (b, after);
        }

        private static string Renumber(string hole, int number)
        {
            var inner = hole.Substring(1, hole.Length - 2);
            var end = inner.IndexOfAny(new[] { ',', ':' });
            var suffix = end >= 0 ? inner.Substring(end) : string.Empty;
            return "{" + number.ToString(CultureInfo.InvariantCulture) + suffix + "}";
        }
    }
}
