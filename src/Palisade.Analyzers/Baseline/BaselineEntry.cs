using System;

namespace Palisade.Analyzers.Baseline
{
    /// <summary>
    /// One accepted finding: which rule, in which file (relative to the baseline file's folder, with '/'), the hash of
    /// the flagged statement's normalised text, and which of the identical findings in that file it is (0-based, in
    /// source order). Line numbers are left out on purpose, so moving code never makes an entry stale.
    /// </summary>
    internal readonly struct BaselineEntry : IEquatable<BaselineEntry>
    {
        public BaselineEntry(string ruleId, string path, string hash, int occurrence)
        {
            RuleId = ruleId;
            Path = path;
            Hash = hash;
            Occurrence = occurrence;
        }

        public string RuleId { get; }

        public string Path { get; }

        public string Hash { get; }

        public int Occurrence { get; }

        public bool Equals(BaselineEntry other) =>
            string.Equals(RuleId, other.RuleId, StringComparison.Ordinal)
            && string.Equals(Path, other.Path, StringComparison.Ordinal)
            && string.Equals(Hash, other.Hash, StringComparison.Ordinal)
            && Occurrence == other.Occurrence;

        public override bool Equals(object? obj) => obj is BaselineEntry other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = StringComparer.Ordinal.GetHashCode(RuleId ?? string.Empty);
                hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Path ?? string.Empty);
                hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Hash ?? string.Empty);
                return (hash * 397) ^ Occurrence;
            }
        }

        public override string ToString() => $"{RuleId} {Path} {Hash}#{Occurrence}";
    }
}
