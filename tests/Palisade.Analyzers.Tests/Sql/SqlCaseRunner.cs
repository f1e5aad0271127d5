using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>Runs one corpus case through the analyzer verifier: the exact rule at the marked location, or nothing.</summary>
    internal static class SqlCaseRunner
    {
        public static Task VerifyAsync(SqlCase sqlCase)
        {
            var test = new AnalyzerVerifier<SqlInjectionAnalyzer>.Test { TestCode = sqlCase.Source };
            if (sqlCase.EditorConfig.Length > 0)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + sqlCase.EditorConfig + "\n"));
            }

            if (sqlCase.IsFlagged)
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult(sqlCase.Rule, DiagnosticSeverity.Warning).WithLocation(0));
            }

            return test.RunAsync();
        }
    }
}
