using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// The cached result of the SECURITY.md check, kept in obj/ so an incremental build reports the same findings
    /// without checking the policy again. It is keyed by what the findings depend on, the policy's bytes and the
    /// checker's build, never by file times: a policy replaced by an older file (cp -p, a checkout, an archive)
    /// must be checked again. Format: a header, "key&lt;TAB&gt;..." and one "line&lt;TAB&gt;kind&lt;TAB&gt;message" per problem.
    /// </summary>
    internal static class FindingsFile
    {
        private const string Header = "# palisade security policy findings v2";

        /// <summary>SHA-256 of the policy's bytes, with the checker assembly's module id so a new Palisade checks again.</summary>
        public static string KeyOf(byte[] policyBytes)
        {
            byte[] hash;
            using (SHA256 sha = SHA256.Create())
            {
                hash = sha.ComputeHash(policyBytes);
            }

            var sb = new StringBuilder(hash.Length * 2 + 40);
            foreach (byte b in hash)
            {
                sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            sb.Append('/').Append(typeof(FindingsFile).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
            return sb.ToString();
        }

        public static void Write(string path, string key, IReadOnlyList<PolicyProblem> problems)
        {
            var sb = new StringBuilder();
            sb.Append(Header).Append('\n');
            sb.Append("key\t").Append(key).Append('\n');
            foreach (PolicyProblem problem in problems)
            {
                sb.Append(problem.Line.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(problem.Kind.ToString()).Append('\t')
                  .Append(problem.Message.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
            }

            string? directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        }

        /// <summary>The problems stored in <paramref name="path"/> and their key, or null when the file is missing or not ours.</summary>
        public static StoredFindings? Read(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            string[] lines = File.ReadAllLines(path, Encoding.UTF8);
            if (lines.Length < 2 || lines[0] != Header || !lines[1].StartsWith("key\t", StringComparison.Ordinal))
            {
                return null;
            }

            var problems = new List<PolicyProblem>();
            for (int i = 2; i < lines.Length; i++)
            {
                string[] parts = lines[i].Split(new[] { '\t' }, 3);
                if (parts.Length == 3
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int line)
                    && Enum.TryParse(parts[1], out PolicyProblemKind kind))
                {
                    problems.Add(new PolicyProblem(kind, line, parts[2]));
                }
            }

            return new StoredFindings(lines[1].Substring(4), problems);
        }
    }
}
