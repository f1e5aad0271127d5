using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Palisade.Analyzers;
using Palisade.Build.SecurityPolicy;

namespace Palisade.Build
{
    /// <summary>
    /// Reports the stored PAL5002 findings as warnings (errors in strict mode), each pointing at SECURITY.md and
    /// its line. Runs on every build, so an incremental build shows the same warnings as the first one.
    /// </summary>
    public sealed class ReportSecurityPolicyFindings : Task
    {
        [Required]
        public string PolicyPath { get; set; } = string.Empty;

        [Required]
        public string FindingsFile { get; set; } = string.Empty;

        /// <summary>True in strict mode: findings are errors.</summary>
        public bool TreatAsErrors { get; set; }

        public override bool Execute()
        {
            List<PolicyProblem>? problems = SecurityPolicy.FindingsFile.Read(FindingsFile);
            if (problems == null)
            {
                Log.LogMessage(MessageImportance.Low, "Palisade: no findings file at {0}; nothing to report.", FindingsFile);
                return true;
            }

            string help = DiagnosticIds.HelpUri(DiagnosticIds.SecurityPolicyIncomplete);
            foreach (PolicyProblem problem in problems)
            {
                string message = problem.Message + " (" + help + ")";
                if (TreatAsErrors)
                {
                    Log.LogError(null, DiagnosticIds.SecurityPolicyIncomplete, null, PolicyPath, problem.Line, 0, 0, 0, message);
                }
                else
                {
                    Log.LogWarning(null, DiagnosticIds.SecurityPolicyIncomplete, null, PolicyPath, problem.Line, 0, 0, 0, message);
                }
            }

            return !Log.HasLoggedErrors;
        }
    }
}
