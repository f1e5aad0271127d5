using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace Palisade.Package.Tests
{
    /// <summary>
    /// What the .nupkg holds, exactly, and whether its assemblies load in the oldest host we support: an analyzer
    /// that references a newer System.Collections.Immutable, System.Reflection.Metadata or System.Composition than
    /// the compiler carries fails with CS8032 and the user silently gets nothing.
    /// </summary>
    [Collection(PackedPackageCollection.Name)]
    public sealed class PackageContentsTests
    {
        // Roslyn 4.8 (VS 2022 17.8, .NET 8 SDK) and its own dependency set: the newest versions an analyzer may reference.
        private static readonly Dictionary<string, Version> RoslynHostAssemblies = new(StringComparer.Ordinal)
        {
            ["netstandard"] = new Version(2, 0, 0, 0),
            ["Microsoft.CodeAnalysis"] = new Version(4, 8, 0, 0),
            ["Microsoft.CodeAnalysis.CSharp"] = new Version(4, 8, 0, 0),
            ["Microsoft.CodeAnalysis.Workspaces"] = new Version(4, 8, 0, 0),
            ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = new Version(4, 8, 0, 0),
            ["System.Collections.Immutable"] = new Version(7, 0, 0, 0),
            ["System.Reflection.Metadata"] = new Version(7, 0, 0, 0),
            ["System.Composition.AttributedModel"] = new Version(7, 0, 0, 0),
            ["System.Composition.Convention"] = new Version(7, 0, 0, 0),
            ["System.Composition.Hosting"] = new Version(7, 0, 0, 0),
            ["System.Composition.Runtime"] = new Version(7, 0, 0, 0),
            ["System.Composition.TypedParts"] = new Version(7, 0, 0, 0),
            ["Palisade.Analyzers"] = new Version(65535, 0, 0, 0),
        };

        // MSBuild's public assemblies have kept assembly version 15.1.0.0 since MSBuild 15.
        private static readonly Dictionary<string, Version> MSBuildHostAssemblies = new(StringComparer.Ordinal)
        {
            ["netstandard"] = new Version(2, 0, 0, 0),
            ["Microsoft.Build.Framework"] = new Version(15, 1, 0, 0),
            ["Microsoft.Build.Utilities.Core"] = new Version(15, 1, 0, 0),
        };

        private static readonly string[] ExpectedFiles =
        {
            "LICENSE.txt",
            "Palisade.Analyzers.nuspec",
            "README.md",
            "analyzers/dotnet/cs/Palisade.Analyzers.dll",
            "analyzers/dotnet/cs/Palisade.CodeFixes.dll",
            "build/Palisade.Analyzers.props",
            "build/Palisade.Analyzers.targets",
            "buildMultiTargeting/Palisade.Analyzers.props",
            "buildMultiTargeting/Palisade.Analyzers.targets",
            "buildTransitive/Palisade.Analyzers.props",
            "buildTransitive/Palisade.Analyzers.targets",
            "globalconfig/palisade_strict.globalconfig",
            "tasks/netstandard2.0/Palisade.Build.dll",
        };

        private readonly PackedPackageFixture package;

        public PackageContentsTests(PackedPackageFixture package)
        {
            this.package = package;
            package.AssertPacked();
        }

        [Fact]
        public void Package_holds_exactly_the_analyzers_the_task_the_build_logic_readme_and_license()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            string[] files = zip.Entries
                .Select(e => e.FullName)
                .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();

            Assert.Equal(ExpectedFiles, files);
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));
            Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("Microsoft.Build", StringComparison.Ordinal));
        }

        [Fact]
        public void Nuspec_is_a_development_dependency_without_dependencies_with_license_and_readme()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            using var stream = zip.GetEntry("Palisade.Analyzers.nuspec")!.Open();
            XElement metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

            Assert.Equal("Palisade.Analyzers", Value("id"));
            Assert.Equal(package.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("LICENSE.txt", Value("license"));
            Assert.Equal("README.md", Value("readme"));
            Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
        }

        [Theory]
        [InlineData("analyzers/dotnet/cs/Palisade.Analyzers.dll")]
        [InlineData("analyzers/dotnet/cs/Palisade.CodeFixes.dll")]
        public void Analyzer_assemblies_reference_nothing_newer_than_Roslyn_4_8_carries(string entry)
        {
            AssertReferencesWithin(entry, RoslynHostAssemblies);
        }

        [Fact]
        public void Task_assembly_references_only_MSBuild_15_1_and_netstandard()
        {
            AssertReferencesWithin("tasks/netstandard2.0/Palisade.Build.dll", MSBuildHostAssemblies);
        }

        [Fact]
        public void Every_packed_assembly_targets_netstandard_2_0()
        {
            foreach (string entry in ExpectedFiles.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)))
            {
                var references = ReadReferences(entry);
                Assert.Contains(references, r => r.Name == "netstandard" && r.Version == new Version(2, 0, 0, 0));
                Assert.DoesNotContain(references, r => r.Name is "System.Runtime" or "mscorlib");
            }
        }

        private void AssertReferencesWithin(string entry, IReadOnlyDictionary<string, Version> allowed)
        {
            var problems = new List<string>();
            foreach (var (name, version) in ReadReferences(entry))
            {
                if (!allowed.TryGetValue(name, out Version? newest))
                {
                    problems.Add($"{name} {version}: not part of the host's assembly set");
                }
                else if (version > newest)
                {
                    problems.Add($"{name} {version}: newer than the host's {newest}");
                }
            }

            Assert.True(problems.Count == 0, entry + " has references the host may not load:\n" + string.Join("\n", problems));
        }

        private List<(string Name, Version Version)> ReadReferences(string entry)
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            using var buffer = new MemoryStream();
            using (var stream = zip.GetEntry(entry)!.Open())
            {
                stream.CopyTo(buffer);
            }

            buffer.Position = 0;
            using var pe = new PEReader(buffer);
            MetadataReader reader = pe.GetMetadataReader();
            return reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .Select(r => (reader.GetString(r.Name), r.Version))
                .ToList();
        }
    }
}
