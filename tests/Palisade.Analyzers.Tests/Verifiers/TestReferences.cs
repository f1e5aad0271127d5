using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Palisade.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// What every test compilation is compiled against: the .NET 10 reference assemblies (embedded in
    /// Basic.Reference.Assemblies) and the real client libraries restored for this test project. Nothing is
    /// downloaded while tests run.
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>An empty reference set: the testing library has nothing to download, we add every reference ourselves.</summary>
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0");

        /// <summary>The real client libraries from this project's output folder (shared with the benchmark).</summary>
        public static readonly ImmutableArray<MetadataReference> Libraries = Palisade.Testing.LibraryReferences.Libraries;

        public static readonly ImmutableArray<MetadataReference> All = Palisade.Testing.LibraryReferences.All;
    }
}
