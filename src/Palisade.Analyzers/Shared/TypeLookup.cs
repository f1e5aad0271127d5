using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// The one place that resolves types by metadata name. Call it from a compilation-start action and keep the
    /// result for the whole compilation: resolving per operation is what makes analyzers slow.
    /// </summary>
    internal static class TypeLookup
    {
        /// <summary>Returns the type, or null when the compilation does not reference it (or references it twice ambiguously).</summary>
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
#pragma warning disable RS0030 // The sanctioned wrapper around the banned API.
            return compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
        }
    }
}
