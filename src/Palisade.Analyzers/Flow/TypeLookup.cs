using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// The one place that resolves types by metadata name. Use <see cref="FlowContext.Types"/> from a compilation-start
    /// action: answers are cached per compilation and shared by every analyzer.
    /// </summary>
    internal static class TypeLookup
    {
        /// <summary>
        /// The type, or null when the compilation does not reference it. When two references define the same name
        /// (a shim and the real library, say), the compilation's own type wins, then the first accessible one in
        /// reference order, so the answer is the same on every run.
        /// </summary>
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
#pragma warning disable RS0030 // The sanctioned wrapper around the banned API.
            var unique = compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
            if (unique is not null)
            {
                return unique;
            }

            if (compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
            {
                return own;
            }

            INamedTypeSymbol? internalCandidate = null;
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly ||
                    assembly.GetTypeByMetadataName(metadataName) is not { } candidate)
                {
                    continue;
                }

                if (candidate.DeclaredAccessibility == Accessibility.Public)
                {
                    return candidate;
                }

                internalCandidate ??= candidate;
            }

            return internalCandidate;
        }
    }

    /// <summary>Types resolved by metadata name once per compilation, shared by every analyzer through <see cref="FlowContext"/>.</summary>
    internal sealed class KnownTypes
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new ConcurrentDictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal);

        public KnownTypes(Compilation compilation)
        {
            _compilation = compilation;
        }

        public INamedTypeSymbol? this[string metadataName] => _types.GetOrAdd(metadataName, name => TypeLookup.Find(_compilation, name));
    }
}
