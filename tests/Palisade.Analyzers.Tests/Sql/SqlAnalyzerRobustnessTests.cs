using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.Analyzers.Sql;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Sql.SqlInjectionAnalyzer>;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>Shapes outside the corpus template: several files, broken code, projects without any SQL library.</summary>
    public class SqlAnalyzerRobustnessTests
    {
        [Fact]
        public async Task A_helper_in_another_file_is_followed_to_the_caller_hole()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/Queries.cs", """
                public static class Queries
                {
                    public static string ByName(string name) => "SELECT * FROM Users WHERE Name = '" + name + "'";
                }
                """));
            test.TestState.Sources.Add(("/Repository.cs", """
                using Microsoft.Data.Sqlite;

                class Repository
                {
                    void Find(SqliteCommand cmd, string input)
                    {
                        cmd.CommandText = {|#0:Queries.ByName(input)|};
                        cmd.CommandText = Queries.ByName("bob");
                    }
                }
                """));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.SqlBuiltFromText, DiagnosticSeverity.Warning).WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_forwarding_method_in_another_file_makes_its_callers_sinks()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/Db.cs", """
                using Microsoft.Data.Sqlite;

                public class Db
                {
                    private readonly SqliteConnection _connection = new SqliteConnection();

                    public int Execute(string sql)
                    {
                        using var cmd = _connection.CreateCommand();
                        cmd.CommandText = sql;
                        return cmd.ExecuteNonQuery();
                    }
                }
                """));
            test.TestState.Sources.Add(("/Use.cs", """
                class Use
                {
                    void Delete(Db db, string name)
                    {
                        db.Execute({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});
                        db.Execute("DELETE FROM Users WHERE Id = 1");
                    }
                }
                """));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.SqlBuiltFromText, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Execute(sql)", "text 'name'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Broken_code_does_not_crash_the_analyzer_and_adds_no_report()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.Data.Sqlite;

                    class C
                    {
                        void M(SqliteCommand cmd, string name)
                        {
                            cmd.CommandText = "SELECT " + {|CS0103:missing|} + {|CS0103:Undefined|}();
                            var sb = new System.Text.StringBuilder({|CS0103:nothing|});
                            cmd.CommandText = sb.ToString();
                            new SqliteCommand({|CS1503:42|});
                        }
                    }
                    """,
            };
            // Only the compiler's errors: a hole the compiler could not bind is its problem, not an injection report.
            await test.RunAsync();
        }
    }
}
