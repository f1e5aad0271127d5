using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Tests.Verifiers;
using Xunit;

namespace Palisade.Analyzers.Tests
{
    /// <summary>
    /// Keeps descriptors, analyzers, code fixes, rule docs, release tracking and the README rule table in step.
    /// When one of these fails, its message says exactly what to add or change.
    /// </summary>
    public class MetaTests
    {
        /// <summary>Rules reported by the MSBuild task rather than an analyzer: they have docs and README rows but no descriptor.</summary>
        private static readonly (string Id, string Title, string Severity)[] BuildRules =
        {
            (DiagnosticIds.SecurityPolicyMissing, "Repository has no SECURITY.md", "Error"),
            (DiagnosticIds.SecurityPolicyUnusable, "SECURITY.md is not usable", "Warning"),
            (DiagnosticIds.SecurityPolicyLacksDetails, "SECURITY.md leaves out supported versions or response time", "Suggestion"),
        };

        public static IEnumerable<object[]> AllDescriptors() =>
            Descriptors().Select(d => new object[] { d.Id });

        [Fact]
        public void Every_rule_id_has_a_descriptor_or_is_a_build_rule()
        {
            var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(DiagnosticIds.HelpBaseUri))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();
            var known = Descriptors().Select(d => d.Id).Concat(BuildRules.Select(r => r.Id)).ToHashSet();
            Assert.DoesNotContain(ids, id => !known.Contains(id));
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void Descriptor_help_link_points_at_its_docs_page(string id)
        {
            var descriptor = Descriptors().Single(d => d.Id == id);
            Assert.Equal(DiagnosticIds.HelpBaseUri + id + ".md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(RepositoryFiles.PathOf("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
            Assert.Equal(Palisade.Analyzers.Descriptors.SecurityCategory, descriptor.Category);
        }

        [Fact]
        public void Every_build_rule_has_a_docs_page()
        {
            foreach (var rule in BuildRules)
            {
                Assert.True(File.Exists(RepositoryFiles.PathOf("docs", "rules", rule.Id + ".md")), $"docs/rules/{rule.Id}.md is missing");
            }
        }

        [Fact]
        public void Every_docs_page_belongs_to_a_rule()
        {
            var known = Descriptors().Select(d => d.Id).Concat(BuildRules.Select(r => r.Id)).ToHashSet();
            var pages = Directory.GetFiles(RepositoryFiles.PathOf("docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension);
            Assert.DoesNotContain(pages, page => !known.Contains(page!));
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void Descriptor_is_in_release_tracking_with_its_severity(string id)
        {
            var descriptor = Descriptors().Single(d => d.Id == id);
            var releases = RepositoryFiles.Read("src", "Palisade.Analyzers", "AnalyzerReleases.Unshipped.md") +
                           RepositoryFiles.Read("src", "Palisade.Analyzers", "AnalyzerReleases.Shipped.md");
            var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
            Assert.Matches(new Regex($@"^{id}\s*\|\s*Security\s*\|\s*{severity}\s*\|", RegexOptions.Multiline), releases);
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void Every_descriptor_is_reported_by_an_analyzer(string id)
        {
            Assert.Contains(Analyzers(), analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == id));
        }

        [Fact]
        public void Readme_rule_table_matches_the_descriptors()
        {
            var expected = ExpectedReadmeTable();
            var readme = RepositoryFiles.Read("README.md").Replace("\r\n", "\n");
            const string begin = "<!-- rules:begin -->\n";
            const string end = "<!-- rules:end -->";
            var start = readme.IndexOf(begin, StringComparison.Ordinal);
            var stop = readme.IndexOf(end, StringComparison.Ordinal);
            Assert.True(start >= 0 && stop > start, "README.md needs the markers <!-- rules:begin --> and <!-- rules:end --> around the rule table.");
            var actual = readme.Substring(start + begin.Length, stop - start - begin.Length);
            Assert.True(expected == actual, "README rule table is stale. Replace it with:\n" + expected);
        }

        [Fact]
        public async Task Every_analyzer_is_quiet_on_empty_and_trivial_source()
        {
            var sources = new[] { string.Empty, "class C { void M() { } }", "namespace N { }" };
            foreach (var source in sources)
            {
                var compilation = CSharpCompilation.Create(
                    "Probe",
                    new[] { CSharpSyntaxTree.ParseText(source) },
                    TestReferences.All,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var withAnalyzers = compilation.WithAnalyzers(Analyzers().ToImmutableArray<DiagnosticAnalyzer>());
                var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
                Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("PAL", StringComparison.Ordinal) || d.Id == "AD0001"));
            }
        }

        [Fact]
        public void Every_code_fix_targets_known_rules_and_supports_fix_all()
        {
            var ids = Descriptors().Select(d => d.Id).ToHashSet();
            foreach (var fix in CodeFixes())
            {
                Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
                Assert.NotNull(fix.GetFixAllProvider());
            }
        }

        internal static ImmutableArray<DiagnosticDescriptor> Descriptors() =>
            typeof(Palisade.Analyzers.Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();

        internal static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
            typeof(Palisade.Analyzers.Descriptors).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        internal static ImmutableArray<CodeFixProvider> CodeFixes() =>
            typeof(Palisade.CodeFixes.CodeFixesAssembly).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        private static string ExpectedReadmeTable()
        {
            var fixable = CodeFixes().SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
            var rows = Descriptors()
                .Select(d => (d.Id, Title: d.Title.ToString(), Severity: d.IsEnabledByDefault ? d.DefaultSeverity.ToString() : "Off (opt-in)", Fix: fixable.Contains(d.Id)))
                .Concat(BuildRules.Select(r => (r.Id, r.Title, r.Severity, Fix: false)))
                .OrderBy(r => r.Id, StringComparer.Ordinal);
            var table = new StringBuilder();
            table.Append("| Rule | Title | Default severity | Code fix |\n");
            table.Append("|------|-------|------------------|----------|\n");
            foreach (var row in rows)
            {
                table.Append($"| [{row.Id}](docs/rules/{row.Id}.md) | {row.Title.Replace("|", "\\|")} | {row.Severity} | {(row.Fix ? "Yes" : "No")} |\n");
            }

            return table.ToString();
        }
    }
}
