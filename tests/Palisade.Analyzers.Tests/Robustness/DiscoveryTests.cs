using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Testing;
using Xunit;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The robustness suite and the benchmark find analyzers and fixes by reflection; these tests make sure that
    /// finding nothing can never pass silently.
    /// </summary>
    public sealed class DiscoveryTests
    {
        /// <summary>An empty rule set would turn every robustness test into a probe-only run, so it fails here.</summary>
        [Fact]
        public void Palisade_ships_analyzers_that_the_robustness_suite_runs()
        {
            Assert.NotEmpty(PalisadeAnalyzerCatalog.AnalyzerTypes);
        }

        [Fact]
        public void Palisade_ships_code_fixes_that_the_robustness_suite_applies()
        {
            Assert.NotEmpty(PalisadeComponents.CodeFixTypes);
        }

        [Fact]
        public void The_suite_always_runs_at_least_the_probe_analyzer_and_fix()
        {
            Assert.Contains(PalisadeComponents.AnalyzersWithProbe(), analyzer => analyzer is ProbeAnalyzer);
            Assert.Contains(PalisadeComponents.CodeFixesWithProbe(), fix => fix is ProbeCodeFix);
        }

        [Fact]
        public void Every_discovered_analyzer_declares_diagnostics()
        {
            // A suppressor (the baseline) reports suppressions, not diagnostics: it must declare those instead.
            var silent = PalisadeAnalyzerCatalog.CreateAnalyzers()
                .Where(analyzer => analyzer is DiagnosticSuppressor suppressor ? suppressor.SupportedSuppressions.IsEmpty : analyzer.SupportedDiagnostics.IsEmpty)
                .Select(a => a.GetType().Name);

            Assert.Empty(silent);
        }

        [Fact]
        public void Every_discovered_code_fix_fixes_an_id_some_discovered_analyzer_reports()
        {
            var reported = PalisadeAnalyzerCatalog.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            var orphans = PalisadeComponents.CodeFixTypes
                .Select(type => (CodeFixProvider)System.Activator.CreateInstance(type)!)
                .Where(fix => !fix.FixableDiagnosticIds.Any(reported.Contains))
                .Select(fix => fix.GetType().Name);

            Assert.Empty(orphans);
        }
    }
}
