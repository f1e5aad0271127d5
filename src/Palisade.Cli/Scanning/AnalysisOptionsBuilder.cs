using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Palisade.Cli.Scanning
{
    /// <summary>
    /// The AdditionalFiles the package's targets would pass to the compiler: the project's own, plus its
    /// configuration files (appsettings*.json, *.config, .env, .env.*, Properties/launchSettings*.json) for PAL2004.
    /// </summary>
    internal static class AnalysisOptionsBuilder
    {
        public static AnalyzerOptions For(Project project)
        {
            var files = project.AnalyzerOptions.AdditionalFiles.ToList();
            var known = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
            string? directory = Path.GetDirectoryName(project.FilePath);
            if (directory != null)
            {
                foreach (string file in ConfigurationFiles(directory))
                {
                    if (known.Add(file))
                    {
                        files.Add(new FileText(file));
                    }
                }
            }

            return new AnalyzerOptions(files.ToImmutableArray(), project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
        }

        internal static IEnumerable<string> ConfigurationFiles(string projectDirectory)
        {
            foreach (string file in ScanInput.Walk(projectDirectory, "*"))
            {
                string name = Path.GetFileName(file);
                string relative = Path.GetRelativePath(projectDirectory, file).Replace('\\', '/');
                bool match = (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    || name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
                    || name.Equals(".env", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
                    || (relative.StartsWith("Properties/launchSettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
                if (match)
                {
                    yield return file;
                }
            }
        }

        /// <summary>A file on disk read once, on first use.</summary>
        internal sealed class FileText : AdditionalText
        {
            private readonly Lazy<SourceText?> text;

            public FileText(string path)
            {
                Path = path;
                text = new Lazy<SourceText?>(() =>
                {
                    try
                    {
                        using var stream = File.OpenRead(path);
                        return SourceText.From(stream);
                    }
                    catch (IOException)
                    {
                        return null;
                    }
                    catch (UnauthorizedAccessException)
                    {
                        return null;
                    }
                });
            }

            public override string Path { get; }

            public override SourceText? GetText(CancellationToken cancellationToken = default) => text.Value;
        }
    }
}
