using System.Text.RegularExpressions;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Sql
{
    /// <summary>Where in the SQL statement a hole lands, judged from the constant text before it.</summary>
    internal enum SqlHolePosition
    {
        /// <summary>A value a parameter can replace (WHERE x = ?, VALUES (?)...).</summary>
        Value,

        /// <summary>A value inside quotes ('...?...'): a parameter replaces the quotes too.</summary>
        QuotedValue,

        /// <summary>A table, column or schema name, or a whole SQL fragment (WHERE + condition): parameters cannot stand there.</summary>
        Identifier,

        /// <summary>An ORDER BY column or direction.</summary>
        OrderBy,

        /// <summary>The inside of IN (...): one parameter cannot hold a list.</summary>
        InList,
    }

    internal static class SqlHolePositions
    {
        /// <summary>The texts are SQL written in source, but an analyzer must never hang on a pathological one.</summary>
        private static readonly System.TimeSpan MatchTimeout = System.TimeSpan.FromMilliseconds(200);
        private static readonly Regex IdentifierKeywordAtEnd = new Regex(
            @"(\b(from|join|into|update|table|select|distinct|group\s+by|truncate|exec|execute|schema|database|use|set|where|and|or|on|having|not)|[\.\[""`])\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

        private static readonly Regex OrderByAtEnd = new Regex(
            @"\border\s+by\s*$|\border\s+by\s+[\w\.\[\]""`]+\s+$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

        private static readonly Regex OpenInList = new Regex(
            @"\bin\s*\((?![^)]*\bselect\b)[^)]*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

        private static readonly Regex LastClause = new Regex(
            @"\b(select|from|where|order\s+by|group\s+by|having|set|values|on|and|or|limit|offset)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft, MatchTimeout);

        /// <summary>
        /// True when the hole is a whole statement: nothing but statement separators and white space around it
        /// ("a; b", a batch joined from complete commands). Such text is passed through, not built here.
        /// </summary>
        public static bool IsWholeStatement(StringComposition composition, int index) =>
            OnlySeparators(composition.TextBefore(index), atEnd: true) && OnlySeparators(composition.TextAfter(index), atEnd: false);

        private static bool OnlySeparators(string text, bool atEnd)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return true;
            }

            // "...; " before the hole, or " ;..." after it; GO batches too.
            foreach (var c in trimmed)
            {
                if (c != ';' && !char.IsWhiteSpace(c))
                {
                    return trimmed.Equals("GO", System.StringComparison.OrdinalIgnoreCase);
                }
            }

            return atEnd ? trimmed.EndsWith(";", System.StringComparison.Ordinal) : trimmed.StartsWith(";", System.StringComparison.Ordinal);
        }

        public static SqlHolePosition Classify(StringComposition composition, int index)
        {
            try
            {
                return ClassifyBefore(composition.AllTextBefore(index));
            }
            catch (RegexMatchTimeoutException)
            {
                // No verdict on where the hole lands: report it, but offer no rewrite.
                return SqlHolePosition.Identifier;
            }
        }

        private static SqlHolePosition ClassifyBefore(string before)
        {
            if (CountQuotes(before) % 2 == 1)
            {
                return SqlHolePosition.QuotedValue;
            }

            if (OpenInList.IsMatch(before))
            {
                return SqlHolePosition.InList;
            }

            if (OrderByAtEnd.IsMatch(before))
            {
                return SqlHolePosition.OrderBy;
            }

            if (IdentifierKeywordAtEnd.IsMatch(before))
            {
                return SqlHolePosition.Identifier;
            }

            if (before.TrimEnd().EndsWith(",", System.StringComparison.Ordinal))
            {
                // "SELECT a, " + column / "ORDER BY a, " + column / "FROM a, " + table: a list of names.
                var clause = LastClause.Match(before);
                if (clause.Success)
                {
                    var word = Regex.Replace(clause.Value.ToLowerInvariant(), @"\s+", " ", RegexOptions.None, MatchTimeout);
                    if (word == "order by")
                    {
                        return SqlHolePosition.OrderBy;
                    }

                    if (word is "select" or "from" or "group by")
                    {
                        return SqlHolePosition.Identifier;
                    }
                }
            }

            return SqlHolePosition.Value;
        }

        public static bool CanBeParameter(SqlHolePosition position) =>
            position is SqlHolePosition.Value or SqlHolePosition.QuotedValue;

        public static string Describe(SqlHolePosition position) => position switch
        {
            SqlHolePosition.Identifier => "a table or column name or a SQL fragment",
            SqlHolePosition.OrderBy => "an ORDER BY target",
            SqlHolePosition.InList => "an IN (...) list",
            _ => "a value",
        };

        private static int CountQuotes(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                if (c == '\'')
                {
                    count++;
                }
            }

            return count;
        }
    }
}
