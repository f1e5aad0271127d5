using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
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

        /// <summary>Assemblies from this test project's output whose names start with these prefixes are the real libraries.</summary>
        private static readonly string[] LibraryPrefixes =
        {
            "Microsoft.Data.SqlClient", "System.Data.SqlClient", "Npgsql", "Microsoft.Data.Sqlite", "Dapper",
            "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Serilog", "NLog", "log4net",
        };

        public static readonly ImmutableArray<MetadataReference> Libraries = LoadLibraries();

        public static readonly ImmutableArray<MetadataReference> All =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Concat(Libraries).ToImmutableArray();

        private static ImmutableArray<MetadataReference> LoadLibraries()
        {
            var directory = AppContext.BaseDirectory;
            return Directory.EnumerateFiles(directory, "*.dll")
                .Where(path => LibraryPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
