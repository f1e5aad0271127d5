using System.IO;
using System.Linq;
using Xunit;

namespace Palisade.Package.Tests
{
    /// <summary>
    /// The code fixes as a user runs them on a whole project: <c>dotnet format analyzers</c> on a copy of
    /// build/sample-app, consuming the freshly packed package. Every fix must come back as a Fix All action, the result
    /// must build, and none of the fixed rules may still report.
    /// </summary>
    [Collection(PackedPackageCollection.Name)]
    public sealed class DotnetFormatEndToEndTests
    {
        private const string FixedRules = "PAL1001|PAL1002|PAL2001|PAL2003|PAL3001";

        private readonly PackedPackageFixture package;

        public DotnetFormatEndToEndTests(PackedPackageFixture package)
        {
            this.package = package;
            package.AssertPacked();
        }

        [Fact]
        public void Dotnet_format_fixes_the_sample_app_and_the_result_builds_clean_of_the_fixed_rules()
        {
            string app = Path.Combine(package.Root, "format-sample-app");
            CopySample(Path.Combine(RepositoryPaths.Root, "build", "sample-app"), app);
            Directory.CreateDirectory(Path.Combine(app, ".git"));
            string machineFeed = package.MachinePackagesFolder is null ? string.Empty : $"\n    <add key=\"machine-cache\" value=\"{package.MachinePackagesFolder}\" />";
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="palisade-e2e" value="{package.Feed}" />{machineFeed}
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app, "Directory.Build.props"), File.ReadAllText(Path.Combine(app, "Directory.Build.props"))
                .Replace("</PropertyGroup>", $"  <PalisadeAnalyzersVersion>{package.Version}</PalisadeAnalyzersVersion>\n  </PropertyGroup>"));

            var before = DotnetCli.Run(app, package.ConsumerEnvironment, "build", "SampleApp.csproj", "-nodeReuse:false", "-v:n");
            Assert.True(before.Succeeded, before.ToString());
            Assert.NotEmpty(before.Diagnostics(FixedRules));

            var format = DotnetCli.Run(app, package.ConsumerEnvironment,
                "format", "analyzers", "SampleApp.csproj", "--diagnostics", "PAL1001", "PAL1002", "PAL2001", "PAL2003", "PAL3001", "--severity", "info", "--no-restore", "-v", "diag");
            Assert.True(format.Succeeded, format.ToString());
            Assert.DoesNotContain("didn't return a Fix All action", format.Output);

            var after = DotnetCli.Run(app, package.ConsumerEnvironment, "build", "SampleApp.csproj", "--no-restore", "-nodeReuse:false", "-v:n");
            Assert.True(after.Succeeded, after.ToString());
            Assert.True(after.Diagnostics(FixedRules).Count == 0, string.Join("\n", after.Diagnostics(FixedRules)) + "\n" + format);
        }

        private static void CopySample(string from, string to)
        {
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(from, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                string target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }
}
