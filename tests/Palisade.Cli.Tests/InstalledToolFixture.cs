using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Xunit;

namespace Palisade.Cli.Tests
{
    /// <summary>
    /// Packs Palisade.Cli and Palisade.Analyzers ONCE, from a copy of src/ (the working tree's bin/obj stay untouched),
    /// with a unique prerelease version into a folder feed, and installs the tool from that feed into a tool path, the
    /// way a user would. Everything restores into a private package folder; the whole temp folder goes at the end.
    /// </summary>
    public sealed class InstalledToolFixture : IDisposable
    {
        private static readonly string[] RootFiles = { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" };

        public InstalledToolFixture()
        {
            string stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            Root = Path.Combine(Path.GetTempPath(), "palisade-cli-e2e", stamp + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            Feed = Path.Combine(Root, "feed");
            Version = "0.1.0-e2e." + stamp;
            Directory.CreateDirectory(Feed);
            Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") };

            string source = Path.Combine(Root, "source");
            CopyTree(Path.Combine(RepositoryRoot, "src"), Path.Combine(source, "src"));
            foreach (string file in RootFiles)
            {
                File.Copy(Path.Combine(RepositoryRoot, file), Path.Combine(source, file));
            }

            NuGetConfig = Path.Combine(Root, "nuget.config");
            File.WriteAllText(NuGetConfig, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="palisade-e2e" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);

            // The packs restore from the machine's usual sources and cache (the repository's own dependencies).
            var steps = new List<ProcessResult>();
            bool Step(Func<ProcessResult> run)
            {
                steps.Add(run());
                return steps[^1].ExitCode == 0;
            }

            SetupSucceeded =
                Step(() => ToolRunner.Run("dotnet", source, null, "pack", Path.Combine("src", "Palisade.Cli", "Palisade.Cli.csproj"),
                    "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false"))
                && Step(() => ToolRunner.Run("dotnet", source, null, "pack", Path.Combine("src", "Palisade.Package", "Palisade.Package.csproj"),
                    "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false"))
                && Step(() => ToolRunner.Run("dotnet", Root, Environment, "tool", "install", "Palisade.Cli",
                    "--version", Version, "--tool-path", Path.Combine(Root, "tools"), "--configfile", NuGetConfig));
            SetupLog = string.Join("\n", steps);
            Tool = Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "palisade.exe" : "palisade");
        }

        public string Root { get; }

        public string Feed { get; }

        public string Version { get; }

        public string NuGetConfig { get; }

        public string Tool { get; }

        /// <summary>The private package folder for every restore and build of a sample.</summary>
        public IReadOnlyDictionary<string, string> Environment { get; }

        internal bool SetupSucceeded { get; }

        internal string SetupLog { get; }

        public static string RepositoryRoot { get; } = FindRoot();

        public void AssertInstalled() => Assert.True(SetupSucceeded && File.Exists(Tool), "packing or installing the tool failed:\n" + SetupLog);

        /// <summary>Runs the installed palisade in <paramref name="workingDirectory"/>.</summary>
        internal ProcessResult Palisade(string workingDirectory, params string[] arguments) => ToolRunner.Run(Tool, workingDirectory, Environment, arguments);

        internal ProcessResult Dotnet(string workingDirectory, params string[] arguments) => ToolRunner.Run("dotnet", workingDirectory, Environment, arguments);

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

        private static string FindRoot()
        {
            for (string? directory = AppContext.BaseDirectory; directory != null; directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "Analyzers.sln")))
                {
                    return directory;
                }
            }

            throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
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
                if (name is not ("bin" or "obj"))
                {
                    CopyTree(directory, Path.Combine(to, name));
                }
            }
        }
    }
}
