using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>Expected diagnostics for every location marker (<c>{|#0:...|}</c>, <c>{|#1:...|}</c>) a case contains.</summary>
    internal static class SecretTestSupport
    {
        public static DiagnosticResult[] ExpectedAtMarkers(string source, DiagnosticDescriptor descriptor)
        {
            var results = new List<DiagnosticResult>();
            for (var i = 0; i < 4; i++)
            {
                if (source.Contains("{|#" + i + ":", System.StringComparison.Ordinal))
                {
                    results.Add(new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(i));
                }
            }

            return results.ToArray();
        }
    }
}
