using System.Collections.Immutable;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// Diagnostic properties the secrets code fix reads. They carry names, never values: properties end up in
    /// SARIF files like messages do.
    /// </summary>
    internal static class SecretDiagnosticProperties
    {
        /// <summary>A name for the replacement variable when the literal's own surroundings give none ("GitHub token").</summary>
        public const string SuggestedName = "SuggestedName";

        public static ImmutableDictionary<string, string?> Suggesting(string name) =>
            ImmutableDictionary<string, string?>.Empty.Add(SuggestedName, name);
    }
}
