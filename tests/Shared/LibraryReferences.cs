using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Palisade.Testing
{
    /// <summary>
    /// The references a realistic Palisade user compiles against: the .NET 10 reference assemblies (embedded in
    /// Basic.Reference.Assemblies.Net100) and the real client libraries that the referencing project restored
    /// into its own output folder. Nothing is downloaded at run time.
    /// </summary>
    /// <remarks>Linked into the test project and the benchmark so both compile generated code the same way.</remarks>
    internal static class LibraryReferences
    {
        /// <summary>Assemblies in the output folder whose names start with these prefixes are the real libraries.</summary>
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
