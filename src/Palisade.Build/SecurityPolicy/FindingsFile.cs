using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// The cached result of the PAL5002 check, kept in obj/ so an incremental build reports the same warnings
    /// without reading SECURITY.md again. One problem per line: "line&lt;TAB&gt;kind&lt;TAB&gt;message".
    /// </summary>
    internal static class FindingsFile
    {
        private const string Header = "# palisade security policy findings v1";

        public static void Write(string path, IReadOnlyList<PolicyProblem> problems)
        {
            var sb = new StringBuilder();
            sb.Append(Header).Append('\n');
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

        /// <summary>The problems stored in <paramref name="path"/>, or null when the file is missing or not ours.</summary>
        public static List<PolicyProblem>? Read(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            string[] lines = File.ReadAllLines(path, Encoding.UTF8);
            if (lines.Length == 0 || lines[0] != Header)
            {
                return null;
            }

            var problems = new List<PolicyProblem>();
            for (int i = 1; i < lines.Length; i++)
            {
                string[] parts = lines[i].Split(new[] { '\t' }, 3);
                if (parts.Length == 3
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int line)
                    && Enum.TryParse(parts[1], out PolicyProblemKind kind))
                {
                    problems.Add(new PolicyProblem(kind, line, parts[2]));
                }
            }

            return problems;
        }
    }
}
