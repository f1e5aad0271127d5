using System;
using System.Collections.Generic;

namespace Palisade.Analyzers.Baseline
{
    /// <summary>
    /// Answers "is this finding in the baseline?". A path relative to the baseline folder matches exactly; a path
    /// that could not be made relative (the compiler saw a mapped or differently rooted path) matches an entry whose
    /// path is its tail at a folder boundary.
    /// </summary>
    internal sealed class BaselineMatcher
    {
        private readonly BaselineFile baseline;
        private readonly Dictionary<(string Rule, string Hash, int Occurrence), List<string>> pathsByKey =
            new Dictionary<(string Rule, string Hash, int Occurrence), List<string>>();

        public BaselineMatcher(BaselineFile baseline)
        {
            this.baseline = baseline;
            foreach (BaselineEntry entry in baseline.Entries)
            {
                var key = (entry.RuleId, entry.Hash, entry.Occurrence);
                if (!pathsByKey.TryGetValue(key, out List<string>? paths))
                {
                    paths = new List<string>();
                    pathsByKey.Add(key, paths);
                }

                paths.Add(entry.Path);
            }
        }

        /// <summary>The baseline entry <paramref name="finding"/> matches, or null.</summary>
        public BaselineEntry? Match(BaselineEntry finding)
        {
            if (baseline.Contains(finding))
            {
                return finding;
            }

            if (!IsRooted(finding.Path) || !pathsByKey.TryGetValue((finding.RuleId, finding.Hash, finding.Occurrence), out List<string>? paths))
            {
                return null;
            }

            foreach (string path in paths)
            {
                if (finding.Path.EndsWith("/" + path, StringComparison.Ordinal))
                {
                    return new BaselineEntry(finding.RuleId, path, finding.Hash, finding.Occurrence);
                }
            }

            return null;
        }

        private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':');
    }
}
