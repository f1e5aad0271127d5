using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Benchmarks.Samples;
using Palisade.Testing;

namespace Palisade.Benchmarks
{
    /// <summary>Which analyzers a run measures: every shipped Palisade analyzer, plus the samples when asked.</summary>
    internal static class AnalyzerSet
    {
        public static ImmutableArray<DiagnosticAnalyzer> Create(bool withSamples, IReadOnlyCollection<string>? only = null)
        {
            var analyzers = PalisadeAnalyzerCatalog.CreateAnalyzers();
            analyzers = withSamples ? analyzers.AddRange(SampleAnalyzers.Create()) : analyzers;
            return only is null || only.Count == 0
                ? analyzers
                : analyzers.Where(a => only.Contains(a.GetType().Name, StringComparer.Ordinal)).ToImmutableArray();
        }

        public static string DisplayName(DiagnosticAnalyzer analyzer) =>
            analyzer is ISampleAnalyzer ? "(sample) " + analyzer.GetType().Name : analyzer.GetType().Name;

        public static int ProductCount => PalisadeAnalyzerCatalog.AnalyzerTypes.Length;

        public static string Describe(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
            string.Join(", ", analyzers.Select(DisplayName));
    }
}
