using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Baseline;
using Palisade.Analyzers.Tests.Secrets;
using Xunit;

namespace Palisade.Analyzers.Tests.Baseline
{
    public sealed class BaselineSuppressorTests
    {
        private const string Vulnerable = """
            using System.Data.SqlClient;

            public static class Orders
            {
                private const string Password = "Winter2024!xyz";

                public static void Load(SqlConnection connection, string customer)
                {
                    var command = new SqlCommand("SELECT * FROM Orders WHERE Customer = '" + customer + "'", connection);
                    command.ExecuteReader();
                }
            }
            """;

        private static Dictionary<string, string> Files(string source) => new() { ["src/App/Orders.cs"] = source };

        [Fact]
        public async Task Findings_in_the_baseline_are_suppressed_with_the_justification_baseline()
        {
            var before = await BaselineRunner.RunAsync(Files(Vulnerable));
            Assert.Contains(before, d => d.Id == "PAL1001");
            Assert.Contains(before, d => d.Id == "PAL2001");

            var after = await BaselineRunner.RunAsync(Files(Vulnerable), BaselineRunner.BaselineFor(before));

            Assert.Equal(before.Length, after.Length);
            Assert.All(after, d => Assert.True(d.IsSuppressed, d.ToString()));
        }

        [Fact]
        public async Task Moved_lines_and_unrelated_edits_keep_findings_suppressed()
        {
            var baseline = BaselineRunner.BaselineFor(await BaselineRunner.RunAsync(Files(Vulnerable)));
            string edited = Vulnerable
                .Replace("public static class Orders\n{", "public static class Orders\n{\n    // A new comment\n    public static int Count() => 42;\n\n")
                .Replace("var command = new SqlCommand(", "var   command =\n            new SqlCommand( /* reformatted */");

            var after = await BaselineRunner.RunAsync(Files(edited), baseline);

            Assert.NotEmpty(after);
            Assert.All(after, d => Assert.True(d.IsSuppressed, d.ToString()));
        }

        [Fact]
        public async Task A_new_finding_is_not_suppressed()
        {
            var baseline = BaselineRunner.BaselineFor(await BaselineRunner.RunAsync(Files(Vulnerable)));
            string withNew = Vulnerable.Replace("        command.ExecuteReader();",
                "        command.ExecuteReader();\n        new SqlCommand(\"DELETE FROM Orders WHERE Id = \" + customer, connection).ExecuteNonQuery();");

            var after = await BaselineRunner.RunAsync(Files(withNew), baseline);

            var active = Assert.Single(after, d => !d.IsSuppressed);
            Assert.Equal("PAL1001", active.Id);
            Assert.Contains("DELETE", active.Location.SourceTree!.GetText().ToString(active.Location.SourceSpan));
        }

        [Fact]
        public async Task The_same_statement_twice_is_told_apart_by_its_occurrence()
        {
            const string one = """
                public static class Secrets
                {
                    public static string[] All()
                    {
                        var password = "Winter2024!xyz";
                        return new[] { password };
                    }
                }
                """;
            var baseline = BaselineRunner.BaselineFor(await BaselineRunner.RunAsync(Files(one)));
            string twice = one.Replace("var password = \"Winter2024!xyz\";", "{ var password = \"Winter2024!xyz\"; }\n        var password = \"Winter2024!xyz\";");

            var repeated = await BaselineRunner.RunAsync(Files(twice), baseline);

            var flagged = repeated.Where(d => d.Id == "PAL2001").ToList();
            Assert.Equal(2, flagged.Count);
            Assert.True(flagged[0].IsSuppressed);
            Assert.False(flagged[1].IsSuppressed);
        }

        [Fact]
        public async Task Baseline_never_holds_the_secret_and_findings_in_another_file_are_not_suppressed()
        {
            var before = await BaselineRunner.RunAsync(Files(Vulnerable));
            string baseline = BaselineRunner.BaselineFor(before);

            Assert.DoesNotContain("Winter2024", baseline);
            Assert.DoesNotContain("SELECT", baseline);
            Assert.Contains("\"path\": \"src/App/Orders.cs\"", baseline);

            var elsewhere = await BaselineRunner.RunAsync(new Dictionary<string, string> { ["src/Other/Orders.cs"] = Vulnerable }, baseline);
            Assert.All(elsewhere, d => Assert.False(d.IsSuppressed, d.ToString()));
        }

        [Fact]
        public async Task Secrets_in_configuration_files_can_be_baselined()
        {
            var config = new Dictionary<string, string>
            {
                ["src/App/appsettings.json"] = FakeSecrets.Expand("{\n  \"Stripe\": { \"ApiKey\": \"%%STRIPE%%\" }\n}\n"),
            };
            var code = Files("public static class Empty { }");
            var before = await BaselineRunner.RunAsync(code, additionalFiles: config);
            Assert.Contains(before, d => d.Id == "PAL2004");
            string baseline = BaselineRunner.BaselineFor(before, config);
            Assert.DoesNotContain(FakeSecrets.Values["STRIPE"], baseline);

            var after = await BaselineRunner.RunAsync(code, baseline, additionalFiles: config);

            Assert.All(after.Where(d => d.Id == "PAL2004"), d => Assert.True(d.IsSuppressed));
        }

        [Fact]
        public async Task A_malformed_or_empty_baseline_suppresses_nothing_and_does_not_throw()
        {
            foreach (string text in new[] { "", "{", "[]", "{\"findings\": [ {\"rule\": 1} ]}", "{\"findings\": []}" })
            {
                var after = await BaselineRunner.RunAsync(Files(Vulnerable), text);
                Assert.NotEmpty(after);
                Assert.All(after, d => Assert.False(d.IsSuppressed || d.Id == "AD0001", text + ": " + d));
            }
        }

        [Fact]
        public async Task A_baseline_elsewhere_is_found_by_its_metadata_and_paths_are_relative_to_its_folder()
        {
            var before = await BaselineRunner.RunAsync(Files(Vulnerable));
            var entries = FindingFingerprint.Compute(before, BaselineRunner.Root + "/src", _ => null, default);
            string baseline = BaselineFile.Create(entries).ToJson();
            Assert.Contains("\"path\": \"App/Orders.cs\"", baseline);

            string path = BaselineRunner.Root + "/src/accepted-findings.json";
            var after = await BaselineRunner.RunAsync(Files(Vulnerable), baseline, path, options: new MetadataOptions(path));

            Assert.All(after, d => Assert.True(d.IsSuppressed, d.ToString()));
        }

        [Fact]
        public void Every_analyzer_rule_can_be_baselined_and_build_rules_cannot()
        {
            var suppressible = new BaselineSuppressor().SupportedSuppressions.Select(s => s.SuppressedDiagnosticId).ToHashSet();
            var analyzerRules = MetaTests.Descriptors().Select(d => d.Id).ToHashSet();

            Assert.Equal(analyzerRules.OrderBy(x => x), suppressible.OrderBy(x => x));
            Assert.All(new BaselineSuppressor().SupportedSuppressions, s => Assert.Equal("baseline", s.Justification.ToString()));
        }

        private sealed class MetadataOptions : AnalyzerConfigOptionsProvider
        {
            private readonly string path;

            public MetadataOptions(string path) => this.path = path;

            public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                textFile.Path == path ? new Options(BaselineSuppressor.MetadataKey, "true") : Options.Empty;

            private sealed class Options : AnalyzerConfigOptions
            {
                public static readonly Options Empty = new(null, null);

                private readonly string? key;
                private readonly string? value;

                public Options(string? key, string? value)
                {
                    this.key = key;
                    this.value = value;
                }

                public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? result)
                {
                    result = name == key ? value : null;
                    return result != null;
                }
            }
        }
    }
}
