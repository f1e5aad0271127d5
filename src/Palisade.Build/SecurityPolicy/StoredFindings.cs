using System.Collections.Generic;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>What a findings file holds: the key it was computed for and the problems.</summary>
    internal sealed class StoredFindings
    {
        public StoredFindings(string key, List<PolicyProblem> problems)
        {
            Key = key;
            Problems = problems;
        }

        public string Key { get; }

        public List<PolicyProblem> Problems { get; }
    }
}
