using System;
using System.Collections.Generic;
using System.IO;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>The outcome of looking for a SECURITY.md: the file found (or null), the root used and every path tried.</summary>
    internal sealed class SecurityPolicyLocation
    {
        public SecurityPolicyLocation(string? policyPath, string repositoryRoot, string rootReason, IReadOnlyList<string> candidates)
        {
            PolicyPath = policyPath;
            RepositoryRoot = repositoryRoot;
            RootReason = rootReason;
            Candidates = candidates;
        }

        public string? PolicyPath { get; }

        public string RepositoryRoot { get; }

        /// <summary>Why this folder is the root ("contains .git", "solution folder", ...), for the PAL5001 message.</summary>
        public string RootReason { get; }

        public IReadOnlyList<string> Candidates { get; }
    }

    /// <summary>
    /// Finds the repository's security policy where GitHub looks for it: SECURITY.md in any letter case in the
    /// repository root, its .github folder or its docs folder. The root is the nearest ancestor of the project
    /// folder that contains .git (a folder, or a file in worktrees and submodules), else the solution folder,
    /// else the project folder; an explicit root or policy path wins over all of that.
    /// </summary>
    internal static class SecurityPolicyLocator
    {
        public const string FileName = "SECURITY.md";

        private static readonly string[] Folders = { string.Empty, ".github", "docs" };

        public static SecurityPolicyLocation Locate(string projectDirectory, string? solutionDirectory, string? repositoryRootOverride, string? policyPathOverride)
        {
            if (!string.IsNullOrWhiteSpace(policyPathOverride))
            {
                string explicitPath = Path.GetFullPath(Path.Combine(projectDirectory, policyPathOverride!.Trim()));
                string root = Path.GetDirectoryName(explicitPath) ?? projectDirectory;
                return new SecurityPolicyLocation(File.Exists(explicitPath) ? explicitPath : null, root,
                    "set by PalisadeSecurityPolicyPath", new[] { explicitPath });
            }

            string reason;
            string repositoryRoot = FindRoot(projectDirectory, solutionDirectory, repositoryRootOverride, out reason);
            var candidates = new List<string>();
            foreach (string folder in Folders)
            {
                string directory = folder.Length == 0 ? repositoryRoot : Path.Combine(repositoryRoot, folder);
                candidates.Add(Path.Combine(directory, FileName));
                string? found = FindIgnoringCase(directory);
                if (found != null)
                {
                    return new SecurityPolicyLocation(found, repositoryRoot, reason, candidates);
                }
            }

            return new SecurityPolicyLocation(null, repositoryRoot, reason, candidates);
        }

        internal static string FindRoot(string projectDirectory, string? solutionDirectory, string? repositoryRootOverride, out string reason)
        {
            if (!string.IsNullOrWhiteSpace(repositoryRootOverride))
            {
                reason = "set by PalisadeRepositoryRoot";
                return Path.GetFullPath(Path.Combine(projectDirectory, repositoryRootOverride!.Trim()));
            }

            string start = Path.GetFullPath(projectDirectory);
            for (string? directory = start; directory != null; directory = Path.GetDirectoryName(directory))
            {
                string git = Path.Combine(directory, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    reason = "nearest folder above the project that contains .git";
                    return directory;
                }
            }

            if (!string.IsNullOrWhiteSpace(solutionDirectory) && Directory.Exists(solutionDirectory))
            {
                reason = "no .git found above the project; the solution folder";
                return Path.GetFullPath(solutionDirectory);
            }

            reason = "no .git found above the project and no solution; the project folder";
            return start;
        }

        /// <summary>SECURITY.md, security.md, Security.md... in <paramref name="directory"/>; exact case first.</summary>
        private static string? FindIgnoringCase(string directory)
        {
            if (!Directory.Exists(directory))
            {
                return null;
            }

            string exact = Path.Combine(directory, FileName);
            if (File.Exists(exact))
            {
                return exact;
            }

            foreach (string file in Directory.EnumerateFiles(directory))
            {
                if (string.Equals(Path.GetFileName(file), FileName, StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }
            }

            return null;
        }
    }
}
