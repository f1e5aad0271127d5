using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Palisade.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// What every test compilation is compiled against: the .NET 10 reference assemblies (embedded in
    /// Basic.Reference.Assemblies), the real client libraries restored for this test project, and the ASP.NET Core
    /// reference assemblies that the project restored with PackageDownload. Nothing is downloaded while tests run.
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>An empty reference set: the testing library has nothing to download, we add every reference ourselves.</summary>
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0");

        /// <summary>The real client libraries from this project's output folder (shared with the benchmark).</summary>
        public static readonly ImmutableArray<MetadataReference> Libraries = Palisade.Testing.LibraryReferences.Libraries;

        /// <summary>ASP.NET Core's reference assemblies (controllers, minimal APIs, HttpRequest), minus names already loaded.</summary>
        public static readonly ImmutableArray<MetadataReference> AspNetCore = LoadAspNetCore();

        public static readonly ImmutableArray<MetadataReference> All = Palisade.Testing.LibraryReferences.All;

        /// <summary>Everything in <see cref="All"/> plus ASP.NET Core, for web entry point cases (kept apart: most tests need no web types).</summary>
        public static readonly ImmutableArray<MetadataReference> WithAspNetCore = All.AddRange(AspNetCore);

        private static ImmutableArray<MetadataReference> LoadAspNetCore()
        {
            var folder = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "AspNetCoreReferencePath")?.Value;
            if (folder is null || !Directory.Exists(folder))
            {
                throw new InvalidOperationException("The ASP.NET Core reference pack was not restored at '" + folder + "'; run dotnet restore.");
            }

            var loaded = Palisade.Testing.LibraryReferences.Libraries
                .Select(r => Path.GetFileName(r.Display ?? string.Empty))
                .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            return Directory.EnumerateFiles(folder, "*.dll")
                .Where(path => !loaded.Contains(Path.GetFileName(path)))
                .Where(path => Path.GetFileName(path).StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) ||
                               Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ||
                               Path.GetFileName(path).StartsWith("Microsoft.Net.Http.Headers", StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
