using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// Precision and recall of the SQL analyzer over every labelled case of <see cref="SqlCorpus"/>. A finding counts as a
    /// true positive only with the expected rule id at the expected span; anything else reported is a false positive.
    /// </summary>
    public class SqlCorpusMetricsTests
    {
        private static readonly Regex Markup = new Regex(@"\{\|#0:|\|\}");

        private readonly ITestOutputHelper _output;

        public SqlCorpusMetricsTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task Precision_and_recall_are_100_percent_on_the_labelled_corpus()
        {
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            var misses = new List<string>();
            foreach (var sqlCase in SqlCorpus.Cases)
            {
                var (source, expectedSpan) = StripMarkup(sqlCase.Source);
                var diagnostics = await AnalyzeAsync(source, sqlCase.EditorConfig);
                var matched = false;
                foreach (var diagnostic in diagnostics)
                {
                    if (sqlCase.IsFlagged && !matched && diagnostic.Id == sqlCase.Rule && diagnostic.Location.SourceSpan == expectedSpan)
                    {
                        truePositives++;
                        matched = true;
                    }
                    else
                    {
                        falsePositives++;
                        misses.Add("FP " + sqlCase.Name + ": " + diagnostic.Id);
                    }
                }

                if (sqlCase.IsFlagged && !matched)
                {
                    falseNegatives++;
                    misses.Add("FN " + sqlCase.Name);
                }
            }

            var precision = truePositives + falsePositives == 0 ? 1.0 : (double)truePositives / (truePositives + falsePositives);
            var recall = truePositives + falseNegatives == 0 ? 1.0 : (double)truePositives / (truePositives + falseNegatives);
            var flagged = SqlCorpus.Cases.Count(c => c.IsFlagged);
            _output.WriteLine($"cases: {SqlCorpus.Cases.Count} ({flagged} flagged, {SqlCorpus.Cases.Count - flagged} safe)");
            _output.WriteLine($"TP={truePositives} FP={falsePositives} FN={falseNegatives}");
            _output.WriteLine($"precision={precision:P1} recall={recall:P1}");
            foreach (var miss in misses)
            {
                _output.WriteLine(miss);
            }

            Assert.Equal(flagged, truePositives);
            Assert.Equal(1.0, precision);
            Assert.Equal(1.0, recall);
        }

        private static (string Source, TextSpan Span) StripMarkup(string marked)
        {
            var start = marked.IndexOf("{|#0:", System.StringComparison.Ordinal);
            var source = Markup.Replace(marked, string.Empty);
            if (start < 0)
            {
                return (source, default);
            }

            var end = marked.IndexOf("|}", start, System.StringComparison.Ordinal) - "{|#0:".Length;
            return (source, TextSpan.FromBounds(start, end));
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string editorConfig)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/Case.cs");
            var compilation = CSharpCompilation.Create(
                "Corpus",
                new[] { tree },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "corpus case does not compile: " + string.Join("; ", errors));

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new CaseConfigProvider(editorConfig));
            return await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync();
        }

        /// <summary>Gives every file the "key = value" lines of one case's .editorconfig section.</summary>
        private sealed class CaseConfigProvider : AnalyzerConfigOptionsProvider
        {
            private readonly CaseConfig _options;

            public CaseConfigProvider(string editorConfig)
            {
                var values = editorConfig
                    .Split('\n')
                    .Select(line => line.Split(new[] { '=' }, 2))
                    .Where(parts => parts.Length == 2)
                    .ToImmutableDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
                _options = new CaseConfig(values);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; } = new CaseConfig(ImmutableDictionary<string, string>.Empty);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
        }

        private sealed class CaseConfig : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public CaseConfig(ImmutableDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
