using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Palisade.Build.SecurityPolicy;

namespace Palisade.Build
{
    /// <summary>
    /// Reads SECURITY.md, runs the PAL5002 content check and stores the problems in a findings file in obj/.
    /// The targets run this only when SECURITY.md (or this task) is newer than the findings file; reporting the
    /// findings is <see cref="ReportSecurityPolicyFindings"/>' job, on every build.
    /// </summary>
    public sealed class AnalyzeSecurityPolicy : Task
    {
        [Required]
        public string PolicyPath { get; set; } = string.Empty;

        [Required]
        public string FindingsFile { get; set; } = string.Empty;

        public override bool Execute()
        {
            IReadOnlyList<PolicyProblem> problems;
            try
            {
                problems = SecurityPolicyChecker.Check(PolicyFileReader.Read(PolicyPath));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                problems = new[] { new PolicyProblem(PolicyProblemKind.NotText, 0, $"SECURITY.md could not be read: {ex.Message}") };
            }

            try
            {
                SecurityPolicy.FindingsFile.Write(FindingsFile, problems);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Log.LogWarningFromException(ex);
            }

            Log.LogMessage(MessageImportance.Normal, "Palisade: analyzed security policy {0}: {1} problem(s).", PolicyPath, problems.Count);
            return !Log.HasLoggedErrors;
        }
    }
}
