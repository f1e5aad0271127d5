using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;

namespace Palisade.Analyzers.Tests.Sql.RealCode
{
    /// <summary>
    /// One whole file in the shape real code has: a library that forwards its caller's SQL, or an application that
    /// builds SQL from input. <paramref name="Rule"/> is the rule expected at <c>{|#0:...|}</c>, or "" for none.
    /// </summary>
    public sealed record RealCodeCase(string Name, string Rule, string Source)
    {
        public Task VerifyAsync()
        {
            var test = new AnalyzerVerifier<SqlInjectionAnalyzer>.Test { TestCode = Source };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(TestReferences.WithAspNetCore);
            if (Rule.Length > 0)
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult(Rule, DiagnosticSeverity.Warning).WithLocation(0));
            }

            return test.RunAsync();
        }

        public override string ToString() => Name;
    }
}
