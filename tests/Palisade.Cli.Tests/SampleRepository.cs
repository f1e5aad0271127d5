using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Palisade.Cli.Tests
{
    /// <summary>
    /// A sample repository under the fixture's folder: .git (so it is its own root), a nuget.config with only the local
    /// feed, SECURITY.md, and one project in src/App that may reference the packed Palisade.Analyzers.
    /// </summary>
    internal sealed class SampleRepository
    {
        public SampleRepository(InstalledToolFixture tool, string name, bool referencePackage, params (string Path, string Text)[] files)
        {
            Root = Path.Combine(tool.Root, "samples", name);
            ProjectDirectory = Path.Combine(Root, "src", "App");
            Directory.CreateDirectory(Path.Combine(Root, ".git"));
            Directory.CreateDirectory(ProjectDirectory);
            File.Copy(tool.NuGetConfig, Path.Combine(Root, "nuget.config"));
            File.WriteAllText(Path.Combine(Root, "SECURITY.md"), Samples.GoodPolicy);
            string package = referencePackage
                ? $"<ItemGroup><PackageReference Include=\"Palisade.Analyzers\" Version=\"{tool.Version}\" /></ItemGroup>"
                : string.Empty;
            File.WriteAllText(Path.Combine(ProjectDirectory, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                  </PropertyGroup>
                  {package}
                </Project>
                """);
            foreach (var (path, text) in files)
            {
                Write(path, text);
            }
        }

        public string Root { get; }

        public string ProjectDirectory { get; }

        public string Project => Path.Combine(ProjectDirectory, "App.csproj");

        /// <summary>Writes a file relative to the project folder.</summary>
        public void Write(string relativePath, string text)
        {
            string path = Path.Combine(ProjectDirectory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        /// <summary>Every file and folder below the root with its size and last write time: "did anything change?".</summary>
        public IReadOnlyList<string> Snapshot() =>
            Directory.GetFileSystemEntries(Root, "*", SearchOption.AllDirectories)
                .Select(p => File.Exists(p) ? $"{Path.GetRelativePath(Root, p)} {new FileInfo(p).Length} {File.GetLastWriteTimeUtc(p):O}" : Path.GetRelativePath(Root, p) + "/")
                .OrderBy(p => p, System.StringComparer.Ordinal)
                .ToList();
    }
}
