using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Palisade.Build.SecurityPolicy;

namespace Palisade.Cli.Scanning
{
    internal enum InputKind
    {
        Solution,
        Projects,
        LooseFolder,
    }

    /// <summary>
    /// What PATH names: a .sln/.slnx, a .csproj, or a folder. A folder with one solution at its top is that solution;
    /// otherwise the projects at its top, else every project below it (bin, obj and hidden folders skipped).
    /// <see cref="RepositoryRoot"/> is where the SECURITY.md gate would look: the nearest folder with .git.
    /// </summary>
    internal sealed class ScanInput
    {
        private static readonly string[] SkippedFolders = { "bin", "obj", "node_modules" };

        private ScanInput(InputKind kind, string directory, IReadOnlyList<string> files)
        {
            Kind = kind;
            Directory = directory;
            Files = files;
            RepositoryRoot = SecurityPolicyLocator.FindRoot(directory, kind == InputKind.Solution ? directory : null, null, out _);
        }

        public InputKind Kind { get; }

        /// <summary>The folder of the solution or project, or the folder given.</summary>
        public string Directory { get; }

        /// <summary>The solution, the project files, or (loose) the .cs files.</summary>
        public IReadOnlyList<string> Files { get; }

        public string RepositoryRoot { get; }

        public static ScanInput Resolve(string? path, bool loose)
        {
            string full = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? "." : path);
            if (File.Exists(full))
            {
                string extension = Path.GetExtension(full).ToLowerInvariant();
                string directory = Path.GetDirectoryName(full)!;
                if (loose)
                {
                    return new ScanInput(InputKind.LooseFolder, directory, SourceFiles(directory));
                }

                return extension switch
                {
                    ".sln" or ".slnx" => new ScanInput(InputKind.Solution, directory, new[] { full }),
                    ".csproj" => new ScanInput(InputKind.Projects, directory, new[] { full }),
                    _ => throw new LoadException($"{full} is not a .sln, .slnx or .csproj file. Give a solution, a C# project or a folder."),
                };
            }

            if (!System.IO.Directory.Exists(full))
            {
                throw new LoadException($"{full} does not exist. Give a .sln, .slnx, .csproj or a folder.");
            }

            if (loose)
            {
                return new ScanInput(InputKind.LooseFolder, full, SourceFiles(full));
            }

            string[] solutions = System.IO.Directory.GetFiles(full, "*.sln").Concat(System.IO.Directory.GetFiles(full, "*.slnx")).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            if (solutions.Length == 1)
            {
                return new ScanInput(InputKind.Solution, full, solutions);
            }

            if (solutions.Length > 1)
            {
                throw new LoadException($"{full} holds {solutions.Length} solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}): name the one to scan.");
            }

            string[] projects = System.IO.Directory.GetFiles(full, "*.csproj");
            if (projects.Length == 0)
            {
                projects = Walk(full, "*.csproj").ToArray();
            }

            if (projects.Length == 0)
            {
                throw new LoadException($"{full} has no .sln, .slnx or .csproj. To scan loose C# files, add --loose.");
            }

            return new ScanInput(InputKind.Projects, full, projects.OrderBy(p => p, StringComparer.Ordinal).ToArray());
        }

        private static string[] SourceFiles(string directory)
        {
            string[] files = Walk(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                throw new LoadException($"{directory} has no .cs files to scan.");
            }

            return files;
        }

        /// <summary>Files matching <paramref name="pattern"/> below <paramref name="directory"/>, skipping build output and hidden folders.</summary>
        internal static IEnumerable<string> Walk(string directory, string pattern)
        {
            var pending = new Stack<string>();
            pending.Push(directory);
            while (pending.Count > 0)
            {
                string current = pending.Pop();
                string[] files;
                string[] folders;
                try
                {
                    files = System.IO.Directory.GetFiles(current, pattern);
                    folders = System.IO.Directory.GetDirectories(current);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (string file in files)
                {
                    yield return file;
                }

                foreach (string folder in folders)
                {
                    string name = Path.GetFileName(folder);
                    if (!name.StartsWith('.') && !SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        pending.Push(folder);
                    }
                }
            }
        }
    }
}
