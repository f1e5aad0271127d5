using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Palisade.Cli.Scanning;

namespace Palisade.Cli.Reports
{
    /// <summary>
    /// SARIF 2.1.0, the format code-scanning services read. Paths are relative to the repository root (uriBaseId
    /// SRCROOT); baselined findings are present with a suppression whose justification is "baseline", as the compiler
    /// writes them when the package's suppressor is at work; partialFingerprints carry the baseline fingerprint.
    /// </summary>
    internal static class SarifWriter
    {
        public static void Write(string path, IReadOnlyList<Finding> findings, string repositoryRoot)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory != null)
            {
                Directory.CreateDirectory(directory);
            }

            using var stream = File.Create(path);
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            var rules = findings.Select(f => f.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();

            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "Palisade");
            json.WriteString("semanticVersion", ToolVersion.Value);
            json.WriteString("informationUri", "https://github.com/palisade-analyzers/palisade");
            json.WriteStartArray("rules");
            foreach (string id in rules)
            {
                RuleInfo rule = RuleCatalog.Describe(id);
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                if (rule.Description.Length > 0)
                {
                    json.WriteStartObject("fullDescription");
                    json.WriteString("text", rule.Description);
                    json.WriteEndObject();
                }

                json.WriteString("helpUri", rule.HelpUri);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("SRCROOT");
            json.WriteString("uri", new Uri(repositoryRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (Finding finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteNumber("ruleIndex", rules.IndexOf(finding.RuleId));
                json.WriteString("level", Level(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                if (finding.RelativePath.Length > 0)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    if (Path.IsPathRooted(finding.RelativePath))
                    {
                        json.WriteString("uri", new Uri(finding.RelativePath).AbsoluteUri);
                    }
                    else
                    {
                        json.WriteString("uri", Uri.EscapeDataString(finding.RelativePath).Replace("%2F", "/", StringComparison.Ordinal));
                        json.WriteString("uriBaseId", "SRCROOT");
                    }

                    json.WriteEndObject();
                    if (finding.Line > 0)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", finding.Line);
                        json.WriteNumber("startColumn", finding.Column);
                        json.WriteNumber("endLine", finding.EndLine);
                        json.WriteNumber("endColumn", finding.EndColumn);
                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                if (finding.Fingerprint is { } fingerprint)
                {
                    json.WriteStartObject("partialFingerprints");
                    json.WriteString("palisadeBaseline/v1", $"{fingerprint.Hash}:{fingerprint.Occurrence}");
                    json.WriteEndObject();
                }

                if (finding.Baselined)
                {
                    json.WriteStartArray("suppressions");
                    json.WriteStartObject();
                    json.WriteString("kind", "external");
                    json.WriteString("justification", "baseline");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static string Level(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Error => "error",
            FindingSeverity.Warning => "warning",
            _ => "note",
        };
    }
}
