using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Palisade.Analyzers;
using Palisade.Build.SecurityPolicy;

namespace Palisade.Build
{
    /// <summary>
    /// Reports the stored findings, each pointing at SECURITY.md and its line: what makes the policy unusable as
    /// PAL5002 (a warning, an error in strict mode), what leaves it incomplete as PAL5003 (a suggestion, i.e. a
    /// build message, unless <c>PalisadeSecurityPolicyDetails</c> asks for more). Runs on every build, so an
    /// incremental build shows the same findings as the first one.
    /// </summary>
    public sealed class ReportSecurityPolicyFindings : Task
    {
        [Required]
        public string PolicyPath { get; set; } = string.Empty;

        [Required]
        public string FindingsFile { get; set; } = string.Empty;

        /// <summary>True in strict mode: PAL5002 findings are errors.</summary>
        public bool TreatAsErrors { get; set; }

        /// <summary>How PAL5003 is reported: "suggestion" (default, a build message), "warning", "error" or "off".</summary>
        public string? IncompleteSeverity { get; set; }

        public override bool Execute()
        {
            List<PolicyProblem>? problems = SecurityPolicy.FindingsFile.Read(FindingsFile)?.Problems;
            if (problems == null)
            {
                Log.LogMessage(MessageImportance.Low, "Palisade: no findings file at {0}; nothing to report.", FindingsFile);
                return true;
            }

            string severity = (IncompleteSeverity ?? string.Empty).Trim().ToLowerInvariant();
            foreach (PolicyProblem problem in problems)
            {
                if (problem.Level == PolicyLevel.Unusable)
                {
                    Report(DiagnosticIds.SecurityPolicyUnusable, problem, TreatAsErrors ? "error" : "warning");
                }
                else if (severity != "off" && severity != "none")
                {
                    Report(DiagnosticIds.SecurityPolicyLacksDetails, problem, severity);
                }
            }

            return !Log.HasLoggedErrors;
        }

        private void Report(string code, PolicyProblem problem, string severity)
        {
            string message = problem.Message + " (" + DiagnosticIds.HelpUri(code) + ")";
            if (string.Equals(severity, "error", StringComparison.Ordinal))
            {
                Log.LogError(null, code, null, PolicyPath, problem.Line, 0, 0, 0, message);
            }
            else if (string.Equals(severity, "warning", StringComparison.Ordinal))
            {
                Log.LogWarning(null, code, null, PolicyPath, problem.Line, 0, 0, 0, message);
            }
            else
            {
                // A suggestion: shown at normal verbosity with its code, file and line, never failing the build.
                Log.LogMessage(null, code, null, PolicyPath, problem.Line, 0, 0, 0, MessageImportance.High, message);
            }
        }
    }
}
