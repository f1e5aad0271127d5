using System;
using System.Collections.Generic;
using System.IO;

namespace Palisade.Cli.Scanning
{
    /// <summary>
    /// Keeps the design-time builds out of the user's folders: they would write generated files (AssemblyInfo,
    /// the generated .editorconfig, ref/) into obj/ and create bin/. A targets file of ours, imported through
    /// CustomBeforeMicrosoftCommonTargets after the SDK has settled the paths, points IntermediateOutputPath and
    /// OutputPath at a temp folder per project and framework. The restore output (project.assets.json) is only read.
    /// </summary>
    internal sealed class ScratchOutput : IDisposable
    {
        public ScratchOutput()
        {
            Root = Path.Combine(Path.GetTempPath(), "palisade-scan-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Root);
            string targets = Path.Combine(Root, "palisade-scan.targets");
            string root = Root.Replace("\\", "/") + "/";
            File.WriteAllText(targets, $"""
                <Project>
                  <!-- Written by palisade scan: build output of the design-time build goes to a temp folder. -->
                  <PropertyGroup>
                    <IntermediateOutputPath>{root}obj/$(MSBuildProjectName)-$([MSBuild]::StableStringHash('$(MSBuildProjectFullPath)'))/$(Configuration)/$(TargetFramework)/</IntermediateOutputPath>
                    <OutputPath>{root}bin/$(MSBuildProjectName)-$([MSBuild]::StableStringHash('$(MSBuildProjectFullPath)'))/$(Configuration)/$(TargetFramework)/</OutputPath>
                    <OutDir>$(OutputPath)</OutDir>
                  </PropertyGroup>
                </Project>
                """);
            GlobalProperties = new Dictionary<string, string>
            {
                ["CustomBeforeMicrosoftCommonTargets"] = targets,
            };
        }

        public string Root { get; }

        public IDictionary<string, string> GlobalProperties { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the build host; the temp folder is the system's to clean.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
