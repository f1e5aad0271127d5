using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Palisade.Build.SecurityPolicy;

namespace Palisade.Build
{
    /// <summary>
    /// Checks SECURITY.md and stores the problems in a findings file in obj/. Runs on every build but checks the
    /// policy again only when its content (a SHA-256 of its bytes) or the checker changed: file times are not
    /// trusted, since a copy, a checkout or an archive can bring in a different policy with an older time.
    /// Reporting the findings is <see cref="ReportSecurityPolicyFindings"/>' job.
    /// </summary>
    public sealed class AnalyzeSecurityPolicy : Task
    {
        [Required]
        public string PolicyPath { get; set; } = string.Empty;

        [Required]
        public string FindingsFile { get; set; } = string.Empty;

        public override bool Execute()
        {
            byte[]? bytes = null;
            string key;
            IReadOnlyList<PolicyProblem> problems;
            try
            {
                bytes = PolicyFileReader.ReadBytes(PolicyPath);
                key = SecurityPolicy.FindingsFile.KeyOf(bytes);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                key = "unreadable";
                problems = new[] { new PolicyProblem(PolicyProblemKind.NotText, 0, $"SECURITY.md could not be read: {ex.Message}") };
                Store(key, problems);
                return !Log.HasLoggedErrors;
            }

            StoredFindings? stored = ReadStored();
            if (stored != null && stored.Key == key)
            {
                Log.LogMessage(MessageImportance.Normal, "Palisade: security policy {0} unchanged (same content); reusing {1} stored finding(s).",
                    PolicyPath, stored.Problems.Count);
                return true;
            }

            problems = SecurityPolicyChecker.Check(PolicyFileReader.Decode(bytes));
            Store(key, problems);
            Log.LogMessage(MessageImportance.Normal, "Palisade: analyzed security policy {0}: {1} problem(s).", PolicyPath, problems.Count);
            return !Log.HasLoggedErrors;
        }

        private StoredFindings? ReadStored()
        {
            try
            {
                return SecurityPolicy.FindingsFile.Read(FindingsFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private void Store(string key, IReadOnlyList<PolicyProblem> problems)
        {
            try
            {
                SecurityPolicy.FindingsFile.Write(FindingsFile, key, problems);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Log.LogWarningFromException(ex);
            }
        }
    }
}
