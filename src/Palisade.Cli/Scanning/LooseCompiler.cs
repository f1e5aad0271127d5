using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Palisade.Cli.Scanning
{
    /// <summary>
    /// --loose: every .cs file compiled together, with no project, against the reference assemblies of the newest
    /// .NET SDK on the machine (Microsoft.NETCore.App.Ref and, when present, Microsoft.AspNetCore.App.Ref), or the
    /// running runtime's own assemblies when no reference pack is found. Code whose packages are missing does not bind;
    /// the analyzers still see everything that does, and the scan says how many files had binding errors.
    /// </summary>
    internal static class LooseCompiler
    {
        public static (Compilation Compilation, int FilesWithErrors, string References) Compile(IReadOnlyList<string> files, CancellationToken cancellationToken)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
            var trees = files
                .Select(file => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(file)), parseOptions, file, cancellationToken))
                .ToList();
            var (references, description) = References();
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
                .WithUsings("System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks");
            var compilation = CSharpCompilation.Create("PalisadeLooseScan", trees, references, options);
            int withErrors = compilation.GetDiagnostics(cancellationToken)
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree != null)
                .Select(d => d.Location.SourceTree!.FilePath)
                .Distinct(StringComparer.Ordinal)
                .Count();
            return (compilation, withErrors, description);
        }

        private static (List<MetadataReference> References, string Description) References()
        {
            string? dotnetRoot = FindDotnetRoot();
            var folders = new List<string>();
            if (dotnetRoot != null)
            {
                foreach (string pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
                {
                    string? folder = NewestRefFolder(Path.Combine(dotnetRoot, "packs", pack));
                    if (folder != null)
                    {
                        folders.Add(folder);
                    }
                }
            }

            if (folders.Count > 0)
            {
                var references = folders.SelectMany(f => Directory.GetFiles(f, "*.dll"))
                    .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
                    .ToList();
                return (references, string.Join(" + ", folders));
            }

            string platform = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            var runtime = platform.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();
            return (runtime, "the running .NET runtime's assemblies (no SDK reference pack found)");
        }

        private static string? FindDotnetRoot()
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
            {
                return fromEnvironment;
            }

            // The runtime runs from <root>/shared/Microsoft.NETCore.App/<version>/.
            string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
            DirectoryInfo? root = new DirectoryInfo(runtimeDirectory).Parent?.Parent?.Parent;
            return root != null && Directory.Exists(Path.Combine(root.FullName, "packs")) ? root.FullName : null;
        }

        private static string? NewestRefFolder(string packDirectory)
        {
            if (!Directory.Exists(packDirectory))
            {
                return null;
            }

            foreach (string version in Directory.GetDirectories(packDirectory).OrderByDescending(d => ParseVersion(Path.GetFileName(d))))
            {
                string refDirectory = Path.Combine(version, "ref");
                if (!Directory.Exists(refDirectory))
                {
                    continue;
                }

                string? framework = Directory.GetDirectories(refDirectory, "net*").OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
                if (framework != null)
                {
                    return framework;
                }
            }

            return null;
        }

        private static Version ParseVersion(string text)
        {
            int dash = text.IndexOf('-');
            return Version.TryParse(dash < 0 ? text : text.Substring(0, dash), out Version? version) ? version : new Version(0, 0);
        }
    }
}
