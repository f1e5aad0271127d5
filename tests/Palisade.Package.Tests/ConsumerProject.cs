using System.Collections.Generic;
using System.IO;

namespace Palisade.Package.Tests
{
    /// <summary>
    /// A fresh consumer repository in the fixture's temp folder: a .git folder (so the gate's root is here), a
    /// nuget.config with only the local feed, a project referencing the packed package, and optionally SECURITY.md.
    /// </summary>
    internal sealed class ConsumerProject
    {
        private static int counter;

        private readonly PackedPackageFixture package;

        public ConsumerProject(PackedPackageFixture package, string name, string? securityPolicy,
            string targetFrameworks = "net10.0", string extraProperties = "", string source = "public static class Program { public static void Main() { } }",
            bool useMachinePackages = false)
        {
            this.package = package;
            RepositoryDirectory = Path.Combine(package.Root, "consumers", name + "-" + System.Threading.Interlocked.Increment(ref counter));
            ProjectDirectory = Path.Combine(RepositoryDirectory, "src", "App");
            Directory.CreateDirectory(Path.Combine(RepositoryDirectory, ".git"));
            Directory.CreateDirectory(ProjectDirectory);

            string machineFeed = useMachinePackages && package.MachinePackagesFolder != null
                ? $"\n    <add key=\"machine-cache\" value=\"{package.MachinePackagesFolder}\" />"
                : string.Empty;
            File.WriteAllText(Path.Combine(RepositoryDirectory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="palisade-e2e" value="{package.Feed}" />{machineFeed}
                  </packageSources>
                </configuration>
                """);

            string frameworks = targetFrameworks.Contains(';') ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>" : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
            File.WriteAllText(Path.Combine(ProjectDirectory, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    {frameworks}
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Palisade.Analyzers" Version="{package.Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(ProjectDirectory, "Program.cs"), source);
            if (securityPolicy != null)
            {
                File.WriteAllText(Path.Combine(RepositoryDirectory, "SECURITY.md"), securityPolicy);
            }
        }

        public string RepositoryDirectory { get; }

        public string ProjectDirectory { get; }

        public void WriteFile(string relativePath, string text)
        {
            string path = Path.Combine(ProjectDirectory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        /// <summary>dotnet build with a binlog next to the project; the result's text is the full console output.</summary>
        public DotnetResult Build(params string[] extraArguments)
        {
            var arguments = new List<string> { "build", "App.csproj", "-nodeReuse:false", "-v:n", "-bl:" + Path.Combine(ProjectDirectory, "build-" + Directory.GetFiles(ProjectDirectory, "*.binlog").Length + ".binlog") };
            arguments.AddRange(extraArguments);
            return DotnetCli.Run(ProjectDirectory, package.ConsumerEnvironment, arguments.ToArray());
        }

        public DotnetResult MSBuild(params string[] arguments)
        {
            var all = new List<string> { "msbuild", "App.csproj", "-nodeReuse:false" };
            all.AddRange(arguments);
            return DotnetCli.Run(ProjectDirectory, package.ConsumerEnvironment, all.ToArray());
        }
    }
}
