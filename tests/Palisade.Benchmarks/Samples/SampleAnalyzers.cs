using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Palisade.Benchmarks.Samples
{
    /// <summary>Marks the harness's own sample analyzers so tables can tell them from product rules.</summary>
    internal interface ISampleAnalyzer
    {
    }

    /// <summary>
    /// Sample analyzers shaped like Palisade rules (a sink check on IOperation, a symbol-name check). They are NOT
    /// product rules: they exist so the harness can be exercised (and its numbers sanity-checked) with
    /// <c>--with-samples</c> before or besides the real rules.
    /// </summary>
    internal static class SampleAnalyzers
    {
        public static ImmutableArray<DiagnosticAnalyzer> Create() =>
            ImmutableArray.Create<DiagnosticAnalyzer>(new SampleSqlSinkAnalyzer(), new SampleSecretFieldAnalyzer());
    }
}
