using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.CodeFixes.Sql;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Sql.SqlInjectionAnalyzer, Palisade.CodeFixes.Sql.ParameterizeSqlCodeFix>;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// PAL1001 fix for ADO.NET IN lists made with <c>string.Join("','", values)</c>: one placeholder per element, added
    /// in a loop before the statement; an empty list keeps its old <c>IN ('')</c>. The verifier compiles the result and
    /// re-runs the analyzer (quiet afterwards).
    /// </summary>
    public class InListSqlCodeFixTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Data;
            using System.Linq;
            using Microsoft.Data.Sqlite;

            """;

        private static DiagnosticResult Rule(int location) => new DiagnosticResult(DiagnosticIds.SqlBuiltFromText, DiagnosticSeverity.Warning).WithLocation(location);

        private static Task Fix(string before, string after) =>
            Verify.VerifyCodeFixAsync(Usings + before, new[] { Rule(0) }, Usings + after, ParameterizeSqlCodeFix.EquivalenceKey);

        [Fact]
        public Task A_joined_IN_list_gets_one_placeholder_per_element_added_in_a_loop() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, List<string> names)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "') ORDER BY Id"|};
                    cmd.ExecuteReader();
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, List<string> names)
                {
                    var nameParameters = new List<string>();
                    foreach (var item in names)
                    {
                        var parameterName = "@name_" + nameParameters.Count;
                        nameParameters.Add(parameterName);
                        cmd.Parameters.AddWithValue(parameterName, item ?? "");
                    }

                    cmd.CommandText = "SELECT * FROM Users WHERE Name IN (" + (nameParameters.Count == 0 ? "''" : string.Join(", ", nameParameters)) + ") ORDER BY Id";
                    cmd.ExecuteReader();
                }
            }
            """);

        [Fact]
        public Task The_interpolated_form_on_a_provider_neutral_command_creates_the_parameters() => Fix(
            """
            class C
            {
                void M(IDbCommand cmd, string csv)
                {
                    var wanted = csv.Split(';');
                    cmd.CommandText = {|#0:$"SELECT * FROM Users WHERE Name IN ('{string.Join("', '", wanted)}')"|};
                }
            }
            """,
            """
            class C
            {
                void M(IDbCommand cmd, string csv)
                {
                    var wanted = csv.Split(';');
                    var wantedParameters = new List<string>();
                    foreach (var item in wanted)
                    {
                        var parameterName = "@wanted_" + wantedParameters.Count;
                        wantedParameters.Add(parameterName);
                        var wantedParameter = cmd.CreateParameter();
                        wantedParameter.ParameterName = parameterName;
                        wantedParameter.Value = item ?? "";
                        cmd.Parameters.Add(wantedParameter);
                    }

                    cmd.CommandText = $"SELECT * FROM Users WHERE Name IN ({(wantedParameters.Count == 0 ? "''" : string.Join(", ", wantedParameters))})";
                }
            }
            """);

        [Fact]
        public async Task Fix_All_gives_every_list_its_own_names_also_with_two_lists_in_one_statement()
        {
            var test = new Verify.Test
            {
                TestCode = Usings + """
                    class C
                    {
                        void M(SqliteCommand cmd, string[] names, string[] cities)
                        {
                            cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "')"|};
                            cmd.CommandText = {|#1:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "') AND City IN ('" + string.Join("','", cities) + "')"|};
                            cmd.CommandText = {|#2:"SELECT * FROM Users WHERE City IN ('" + string.Join("','", cities) + "')"|};
                        }
                    }
                    """,
                FixedCode = Usings + """
                    class C
                    {
                        void M(SqliteCommand cmd, string[] names, string[] cities)
                        {
                            var nameParameters = new List<string>();
                            foreach (var item in names)
                            {
                                var parameterName = "@name_" + nameParameters.Count;
                                nameParameters.Add(parameterName);
                                cmd.Parameters.AddWithValue(parameterName, item ?? "");
                            }

                            cmd.CommandText = "SELECT * FROM Users WHERE Name IN (" + (nameParameters.Count == 0 ? "''" : string.Join(", ", nameParameters)) + ")";
                            var nameParameters2 = new List<string>();
                            foreach (var item2 in names)
                            {
                                var parameterName2 = "@name2_" + nameParameters2.Count;
                                nameParameters2.Add(parameterName2);
                                cmd.Parameters.AddWithValue(parameterName2, item2 ?? "");
                            }

                            var cityParameters = new List<string>();
                            foreach (var item3 in cities)
                            {
                                var parameterName3 = "@city_" + cityParameters.Count;
                                cityParameters.Add(parameterName3);
                                cmd.Parameters.AddWithValue(parameterName3, item3 ?? "");
                            }

                            cmd.CommandText = "SELECT * FROM Users WHERE Name IN (" + (nameParameters2.Count == 0 ? "''" : string.Join(", ", nameParameters2)) + ") AND City IN (" + (cityParameters.Count == 0 ? "''" : string.Join(", ", cityParameters)) + ")";
                            var cityParameters2 = new List<string>();
                            foreach (var item4 in cities)
                            {
                                var parameterName4 = "@city2_" + cityParameters2.Count;
                                cityParameters2.Add(parameterName4);
                                cmd.Parameters.AddWithValue(parameterName4, item4 ?? "");
                            }

                            cmd.CommandText = "SELECT * FROM Users WHERE City IN (" + (cityParameters2.Count == 0 ? "''" : string.Join(", ", cityParameters2)) + ")";
                        }
                    }
                    """,
                CodeActionEquivalenceKey = ParameterizeSqlCodeFix.EquivalenceKey,
                NumberOfFixAllIterations = 1,
            };
            test.ExpectedDiagnostics.Add(Rule(0));
            test.ExpectedDiagnostics.Add(Rule(1));
            test.ExpectedDiagnostics.Add(Rule(2));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("one quoted value holding a comma-joined text", """cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Tags IN ('" + string.Join(",", names) + "')"|};""")]
        [InlineData("a command created with the text (nothing to add parameters to before it)", """using var made = new SqliteCommand({|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "')"|});""")]
        [InlineData("a command reused on every turn of a loop", """foreach (var n in names) { cmd.CommandText = {|#0:"DELETE FROM Users WHERE Name IN ('" + string.Join("','", n.Split(',')) + "')"|}; cmd.ExecuteNonQuery(); }""")]
        [InlineData("the list is not inside IN ('...')", """cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + string.Join("','", names) + "'"|};""")]
        public Task No_list_fix_when_the_shape_is_not_a_list_of_values(string because, string body)
        {
            Assert.NotEmpty(because);
            var source = Usings + $$"""
                class C
                {
                    void M(SqliteCommand cmd, List<string> names)
                    {
                        {{body}}
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, Rule(0));
        }
    }
}
