using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Palisade.Analyzers.Baseline
{
    /// <summary>
    /// palisade.baseline.json: the findings a team accepted when it adopted Palisade. Written by
    /// <c>palisade baseline</c>, read by <see cref="BaselineSuppressor"/> (through AdditionalFiles) and by
    /// <c>palisade scan</c>. The entries are sorted and one per line so the file diffs well in review.
    /// </summary>
    internal sealed class BaselineFile
    {
        /// <summary>The name the package and the command-line tool look for at the repository root.</summary>
        public const string DefaultFileName = "palisade.baseline.json";

        public const int CurrentVersion = 1;

        private BaselineFile(ImmutableArray<BaselineEntry> entries)
        {
            Entries = entries;
            Set = ImmutableHashSet.CreateRange(entries);
        }

        public ImmutableArray<BaselineEntry> Entries { get; }

        public ImmutableHashSet<BaselineEntry> Set { get; }

        public static BaselineFile Create(IEnumerable<BaselineEntry> entries) =>
            new BaselineFile(entries.Distinct().OrderBy(e => e.Path, StringComparer.Ordinal)
                .ThenBy(e => e.RuleId, StringComparer.Ordinal)
                .ThenBy(e => e.Hash, StringComparer.Ordinal)
                .ThenBy(e => e.Occurrence)
                .ToImmutableArray());

        /// <summary>Reads the file's text; throws <see cref="FormatException"/> with a readable reason when it is not a baseline.</summary>
        public static BaselineFile Parse(string text)
        {
            if (!(MiniJson.Parse(text) is Dictionary<string, object?> root))
            {
                throw new FormatException("A Palisade baseline is a JSON object with a \"findings\" array.");
            }

            if (root.TryGetValue("version", out object? version) && version is double number && number > CurrentVersion)
            {
                throw new FormatException($"Baseline version {number} is newer than this Palisade understands ({CurrentVersion}).");
            }

            if (!root.TryGetValue("findings", out object? findings) || !(findings is List<object?> list))
            {
                throw new FormatException("A Palisade baseline needs a \"findings\" array.");
            }

            var entries = new List<BaselineEntry>(list.Count);
            foreach (object? item in list)
            {
                if (item is Dictionary<string, object?> entry
                    && entry.TryGetValue("rule", out object? rule) && rule is string ruleId
                    && entry.TryGetValue("path", out object? path) && path is string relativePath
                    && entry.TryGetValue("hash", out object? hash) && hash is string hashText)
                {
                    int occurrence = entry.TryGetValue("occurrence", out object? index) && index is double value ? (int)value : 0;
                    entries.Add(new BaselineEntry(ruleId, relativePath, hashText, occurrence));
                }
                else
                {
                    throw new FormatException("Every baseline finding needs \"rule\", \"path\" and \"hash\".");
                }
            }

            return Create(entries);
        }

        public static bool TryParse(string text, out BaselineFile? baseline)
        {
            try
            {
                baseline = Parse(text);
                return true;
            }
            catch (FormatException)
            {
                baseline = null;
                return false;
            }
        }

        public bool Contains(BaselineEntry entry) => Set.Contains(entry);

        public string ToJson()
        {
            var builder = new StringBuilder();
            builder.Append("{\n");
            builder.Append("  \"version\": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            builder.Append("  \"comment\": \"Palisade baseline: findings accepted when this file was written. They are suppressed (justification 'baseline'); new findings are not. Rewrite with 'palisade baseline', list stale entries with 'palisade baseline --check'.\",\n");
            builder.Append("  \"findings\": [");
            for (int i = 0; i < Entries.Length; i++)
            {
                BaselineEntry entry = Entries[i];
                builder.Append(i == 0 ? "\n" : ",\n");
                builder.Append("    { \"rule\": ").Append(MiniJson.Quote(entry.RuleId))
                    .Append(", \"path\": ").Append(MiniJson.Quote(entry.Path))
                    .Append(", \"hash\": ").Append(MiniJson.Quote(entry.Hash))
                    .Append(", \"occurrence\": ").Append(entry.Occurrence.ToString(CultureInfo.InvariantCulture))
                    .Append(" }");
            }

            builder.Append(Entries.Length == 0 ? "]\n" : "\n  ]\n");
            builder.Append("}\n");
            return builder.ToString();
        }
    }
}
