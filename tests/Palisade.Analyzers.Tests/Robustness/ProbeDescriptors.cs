using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// A descriptor for test doubles that report nothing. The analyzer driver skips an analyzer whose supported
    /// diagnostics are all disabled, and an empty list counts as that: without a descriptor the double never runs.
    /// </summary>
    internal static class ProbeDescriptors
    {
        public static readonly DiagnosticDescriptor Silent = new DiagnosticDescriptor(
            "PROBE00", "Probe: never reported", "Probe: never reported", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static ImmutableArray<DiagnosticDescriptor> SilentList { get; } = ImmutableArray.Create(Silent);
    }
}
