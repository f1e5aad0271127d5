using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace Palisade.Package.Tests
{
    /// <summary>
    /// Packs the repository's src/ ONCE for every test in the collection: a copy of src/ and the root build files
    /// is packed in a temp folder (so the working tree's bin/obj are never touched) with a unique prerelease
    /// version, into a folder feed. Consumers restore from that feed into a private NUGET_PACKAGES folder, so no
    /// cache can ever serve an older build of the package.
    /// </summary>
    public sealed class PackedPackageFixture : IDisposable
    {
        private static readonly string[] RootFiles = { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" };

        public PackedPackageFixture()
        {
            // A folder of this run's own (palisade-e2e-XXXXXX), so two test runs on one machine never collide.
            Root = Directory.CreateTempSubdirectory("palisade-e2e-").FullName;
            Feed = Path.Combine(Root, "feed");
            PackagesFolder = Path.Combine(Root, "nuget-packages");
            Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            Directory.CreateDirectory(Feed);
            Directory.CreateDirectory(PackagesFolder);

            string source = Path.Combine(Root, "source");
            CopyTree(Path.Combine(RepositoryPaths.Root, "src"), Path.Combine(source, "src"));
            foreach (string file in RootFiles)
            {
                File.Copy(Path.Combine(RepositoryPaths.Root, file), Path.Combine(source, file));
            }

            PackResult = DotnetCli.Run(source, null,
                "pack", Path.Combine("src", "Palisade.Package", "Palisade.Package.csproj"),
                "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false", "-bl:" + Path.Combine(Root, "pack.binlog"));
            PackagePath = Path.Combine(Feed, "Palisade.Analyzers." + Version + ".nupkg");

            // NETStandard.Library for the multi-targeted consumer: the pack above restored it into the machine's cache.
            DotnetResult locals = DotnetCli.Run(Root, null, "nuget", "locals", "global-packages", "--list");
            string line = locals.Output.Split('\n').FirstOrDefault(l => l.Contains("global-packages:", StringComparison.Ordinal)) ?? string.Empty;
            MachinePackagesFolder = line.Length == 0 ? null : line.Substring(line.IndexOf(':') + 1).Trim();
        }

        /// <summary>The temp folder of this run, deleted at the end; every assertion carries the build output, so nothing needs keeping.</summary>
        public string Root { get; }

        public string Feed { get; }

        public string PackagesFolder { get; }

        public string Version { get; }

        public string PackagePath { get; }

        internal DotnetResult PackResult { get; }

        public string? MachinePackagesFolder { get; }

        /// <summary>The environment of every consumer build: the private package cache.</summary>
        public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder };

        public void AssertPacked()
        {
            Assert.True(PackResult.Succeeded && File.Exists(PackagePath), "dotnet pack failed:\n" + PackResult);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Leftovers in temp must not fail the run.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (string directory in Directory.GetDirectories(from))
            {
                string name = Path.GetFileName(directory);
                if (name is "bin" or "obj")
                {
                    continue;
                }

                CopyTree(directory, Path.Combine(to, name));
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PackedPackageCollection : ICollectionFixture<PackedPackageFixture>
    {
        public const string Name = "Packed package";
    }
}
