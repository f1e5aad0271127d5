using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Testing;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// What the robustness suite runs: every Palisade analyzer and code fix found by reflection, plus the probe
    /// pair (<see cref="ProbeAnalyzer"/>, <see cref="ProbeCodeFix"/>) so the harness itself is always exercised.
    /// </summary>
    internal static class PalisadeComponents
    {
        public static Assembly CodeFixAssembly { get; } = Assembly.Load(new AssemblyName("Palisade.CodeFixes"));

        public static ImmutableArray<System.Type> CodeFixTypes { get; } =
            PalisadeAnalyzerCatalog.FindConcreteTypes(CodeFixAssembly, typeof(CodeFixProvider));

        public static ImmutableArray<DiagnosticAnalyzer> AnalyzersWithProbe() =>
            PalisadeAnalyzerCatalog.CreateAnalyzers().Add(new ProbeAnalyzer());

        public static ImmutableArray<CodeFixProvider> CodeFixesWithProbe() =>
            CodeFixTypes.Select(type => (CodeFixProvider)System.Activator.CreateInstance(type)!).ToImmutableArray().Add(new ProbeCodeFix());
    }
}
