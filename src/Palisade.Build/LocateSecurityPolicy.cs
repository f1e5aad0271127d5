using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Palisade.Analyzers;
using Palisade.Build.SecurityPolicy;

namespace Palisade.Build
{
    /// <summary>
    /// Finds the repository's SECURITY.md and reports PAL5001 when there is none. Runs on every build: it only
    /// checks whether a few files exist, and a missing policy must fail every build, not only the first.
    /// </summary>
    public sealed class LocateSecurityPolicy : Task
    {
        /// <summary>The folder of the project being built.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>The project file, where PAL5001 points.</summary>
        public string? ProjectFile { get; set; }

        /// <summary>$(SolutionDir), used as the root when no .git is found above the project.</summary>
        public string? SolutionDirectory { get; set; }

        /// <summary>$(PalisadeRepositoryRoot): the root to search instead of the detected one.</summary>
        public string? RepositoryRoot { get; set; }

        /// <summary>$(PalisadeSecurityPolicyPath): the exact policy file to use.</summary>
        public string? PolicyPath { get; set; }

        /// <summary>"error" (default) or "warning": how PAL5001 is reported.</summary>
        public string? MissingPolicySeverity { get; set; }

        /// <summary>The SECURITY.md found, or empty.</summary>
        [Output]
        public string FoundPolicyPath { get; set; } = string.Empty;

        /// <summary>The repository root that was searched.</summary>
        [Output]
        public string ResolvedRepositoryRoot { get; set; } = string.Empty;

        public override bool Execute()
        {
            string? solutionDirectory = SolutionDirectory;
            if (solutionDirectory != null && solutionDirectory.IndexOf("*Undefined*", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                solutionDirectory = null;
            }

            SecurityPolicyLocation location = SecurityPolicyLocator.Locate(ProjectDirectory, solutionDirectory, RepositoryRoot, PolicyPath);
            ResolvedRepositoryRoot = location.RepositoryRoot;
            if (location.PolicyPath != null)
            {
                FoundPolicyPath = location.PolicyPath;
                Log.LogMessage(MessageImportance.Low, "Palisade: security policy {0} (repository root {1}: {2}).",
                    location.PolicyPath, location.RepositoryRoot, location.RootReason);
                return true;
            }

            string message =
                $"{PolicyMessages.Missing}: looked for SECURITY.md (any letter case) at {string.Join(", ", location.Candidates)} " +
                $"(repository root {location.RepositoryRoot}: {location.RootReason}). " +
                "Add a SECURITY.md that says how to report a vulnerability privately and which versions are supported, " +
                "or point <PalisadeSecurityPolicyPath> / <PalisadeRepositoryRoot> at it. " +
                $"See {DiagnosticIds.HelpUri(DiagnosticIds.SecurityPolicyMissing)}";
            string file = ProjectFile ?? string.Empty;
            if (string.Equals(MissingPolicySeverity, "warning", StringComparison.OrdinalIgnoreCase))
            {
                Log.LogWarning(null, DiagnosticIds.SecurityPolicyMissing, null, file, 0, 0, 0, 0, message);
            }
            else
            {
                Log.LogError(null, DiagnosticIds.SecurityPolicyMissing, null, file, 0, 0, 0, 0, message);
            }

            return !Log.HasLoggedErrors;
        }
    }
}
