using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.Analyzers.Sql;
using Palisade.CodeFixes.Sql;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Sql.SqlInjectionAnalyzer, Palisade.CodeFixes.Sql.ParameterizeSqlCodeFix>;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// PAL1001 code fix: before/after text. The verifier compiles the fixed code and re-runs the analyzer on it, so each
    /// case also proves the result builds and is no longer flagged.
    /// </summary>
    public class ParameterizeSqlCodeFixTests
    {
        private const string Usings = """
            using System.Data;
            using System.Data.Common;
            using System.Linq;
            using Dapper;
            using Microsoft.Data.Sqlite;
            using MsSql = Microsoft.Data.SqlClient;

            public class User { public int Id { get; set; } public string Name { get; set; } = ""; }

            """;

        private static DiagnosticResult Pal1001 => Rule(0);

        private static DiagnosticResult Rule(int location) => new DiagnosticResult(DiagnosticIds.SqlBuiltFromText, DiagnosticSeverity.Warning).WithLocation(location);

        private static Task Fix(string before, string after) => Verify.VerifyCodeFixAsync(Usings + before, new[] { Pal1001 }, Usings + after, ParameterizeSqlCodeFix.EquivalenceKey);

        [Fact]
        public Task Message_names_the_sink_and_the_hole() => Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<SqlInjectionAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            class C
            {
                void M(SqliteCommand cmd, User user)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + user.Name + "'"|};
                }
            }
            """,
            Verify.Diagnostic(Descriptors.SqlBuiltFromText).WithLocation(0).WithArguments("SqliteCommand.CommandText", "text 'user.Name'"));

        [Fact]
        public Task CommandText_quoted_value_becomes_a_placeholder_and_AddWithValue() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|};
                    cmd.ExecuteReader();
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = "SELECT * FROM Users WHERE Name = @name";
                    cmd.Parameters.AddWithValue("@name", name);
                    cmd.ExecuteReader();
                }
            }
            """);

        [Fact]
        public Task Constructor_text_gets_its_parameters_after_the_declaration() => Fix(
            """
            class C
            {
                void M(SqliteConnection lite, string name)
                {
                    using var cmd = new SqliteCommand({|#0:$"DELETE FROM Users WHERE Name = '{name}'"|}, lite);
                    cmd.ExecuteNonQuery();
                }
            }
            """,
            """
            class C
            {
                void M(SqliteConnection lite, string name)
                {
                    using var cmd = new SqliteCommand("DELETE FROM Users WHERE Name = @name", lite);
                    cmd.Parameters.AddWithValue("@name", name);
                    cmd.ExecuteNonQuery();
                }
            }
            """);

        [Fact]
        public Task Like_wildcards_move_into_the_value() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string term)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name LIKE '%" + term + "%'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string term)
                {
                    cmd.CommandText = "SELECT * FROM Users WHERE Name LIKE @term";
                    cmd.Parameters.AddWithValue("@term", "%" + term + "%");
                }
            }
            """);

        [Fact]
        public Task Member_names_give_placeholder_names_and_clashes_get_a_number() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, User user, string name)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + user.Name + "' OR Alias = '" + name + "'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, User user, string name)
                {
                    cmd.CommandText = "SELECT * FROM Users WHERE Name = @Name OR Alias = @name2";
                    cmd.Parameters.AddWithValue("@Name", user.Name);
                    cmd.Parameters.AddWithValue("@name2", name);
                }
            }
            """);

        [Fact]
        public Task The_same_value_twice_uses_one_parameter() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "' OR Alias = '" + name + "'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = "SELECT * FROM Users WHERE Name = @name OR Alias = @name";
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task A_local_read_only_at_the_sink_is_rewritten_where_it_is_declared() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
                    cmd.CommandText = {|#0:sql|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    var sql = "SELECT * FROM Users WHERE Name = @name";
                    cmd.CommandText = sql;
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task Safe_holes_stay_in_an_interpolated_string() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, int id, string name)
                {
                    cmd.CommandText = {|#0:$"SELECT * FROM Users WHERE Id = {id} AND Name = '{name}'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, int id, string name)
                {
                    cmd.CommandText = $"SELECT * FROM Users WHERE Id = {id} AND Name = @name";
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task Safe_holes_stay_in_a_concatenation() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, int id, string name)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Id = " + id + " AND Name = '" + name + "'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, int id, string name)
                {
                    cmd.CommandText = "SELECT * FROM Users WHERE Id = " + id + " AND Name = @name";
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task A_formatted_safe_hole_keeps_its_format() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, System.DateTime when, string name)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "' AND Seen > " + $"'{when:yyyy-MM-dd}'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, System.DateTime when, string name)
                {
                    cmd.CommandText = $"SELECT * FROM Users WHERE Name = @name AND Seen > '{when:yyyy-MM-dd}'";
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task IDbCommand_without_AddWithValue_uses_CreateParameter() => Fix(
            """
            class C
            {
                void M(IDbCommand cmd, string name)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|};
                }
            }
            """,
            """
            class C
            {
                void M(IDbCommand cmd, string name)
                {
                    cmd.CommandText = "SELECT * FROM Users WHERE Name = @name";
                    var nameParameter = cmd.CreateParameter();
                    nameParameter.ParameterName = "@name";
                    nameParameter.Value = name;
                    cmd.Parameters.Add(nameParameter);
                }
            }
            """);

        [Fact]
        public Task Using_statement_block_gets_the_parameters_first() => Fix(
            """
            class C
            {
                void M(MsSql.SqlConnection sql, string name)
                {
                    using (var cmd = new MsSql.SqlCommand({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|}, sql))
                    {
                        cmd.ExecuteReader();
                    }
                }
            }
            """,
            """
            class C
            {
                void M(MsSql.SqlConnection sql, string name)
                {
                    using (var cmd = new MsSql.SqlCommand("SELECT * FROM Users WHERE Name = @name", sql))
                    {
                        cmd.Parameters.AddWithValue("@name", name);
                        cmd.ExecuteReader();
                    }
                }
            }
            """);

        [Fact]
        public Task Data_adapter_parameters_go_on_its_SelectCommand() => Fix(
            """
            class C
            {
                void M(MsSql.SqlConnection sql, string name)
                {
                    var adapter = new MsSql.SqlDataAdapter({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|}, sql);
                }
            }
            """,
            """
            class C
            {
                void M(MsSql.SqlConnection sql, string name)
                {
                    var adapter = new MsSql.SqlDataAdapter("SELECT * FROM Users WHERE Name = @name", sql);
                    adapter.SelectCommand.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task Object_initializer_text_gets_parameters_after_the_declaration() => Fix(
            """
            class C
            {
                void M(SqliteConnection lite, string name)
                {
                    var cmd = new SqliteCommand { Connection = lite, CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|} };
                }
            }
            """,
            """
            class C
            {
                void M(SqliteConnection lite, string name)
                {
                    var cmd = new SqliteCommand { Connection = lite, CommandText = "SELECT * FROM Users WHERE Name = @name" };
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task Dapper_gets_an_anonymous_parameter_object() => Fix(
            """
            class C
            {
                void M(SqliteConnection lite, string name)
                {
                    var users = lite.Query<User>({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|});
                }
            }
            """,
            """
            class C
            {
                void M(SqliteConnection lite, string name)
                {
                    var users = lite.Query<User>("SELECT * FROM Users WHERE Name = @name", new { name });
                }
            }
            """);

        [Fact]
        public Task Dapper_merges_into_an_existing_parameter_object() => Fix(
            """
            class C
            {
                void M(SqliteConnection lite, int id, User user)
                {
                    var users = lite.Query<User>({|#0:"SELECT * FROM Users WHERE Id = @id AND Name = '" + user.Name + "'"|}, new { id });
                }
            }
            """,
            """
            class C
            {
                void M(SqliteConnection lite, int id, User user)
                {
                    var users = lite.Query<User>("SELECT * FROM Users WHERE Id = @id AND Name = @Name", new { id, user.Name });
                }
            }
            """);

        [Fact]
        public Task Dapper_like_value_gets_a_named_member() => Fix(
            """
            class C
            {
                void M(IDbConnection db, string term)
                {
                    var count = db.ExecuteScalar<int>({|#0:"SELECT COUNT(*) FROM Users WHERE Name LIKE '" + term + "%'"|});
                }
            }
            """,
            """
            class C
            {
                void M(IDbConnection db, string term)
                {
                    var count = db.ExecuteScalar<int>("SELECT COUNT(*) FROM Users WHERE Name LIKE @term", new { term = term + "%" });
                }
            }
            """);

        [Fact]
        public Task Dapper_null_parameter_object_is_replaced() => Fix(
            """
            class C
            {
                void M(IDbConnection db, string name)
                {
                    db.Execute({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|}, null);
                }
            }
            """,
            """
            class C
            {
                void M(IDbConnection db, string name)
                {
                    db.Execute("DELETE FROM Users WHERE Name = @name", new { name });
                }
            }
            """);

        [Fact]
        public Task Dapper_CommandDefinition_gets_parameters() => Fix(
            """
            class C
            {
                void M(string name)
                {
                    var definition = new CommandDefinition({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});
                }
            }
            """,
            """
            class C
            {
                void M(string name)
                {
                    var definition = new CommandDefinition("DELETE FROM Users WHERE Name = @name", new { name });
                }
            }
            """);

        [Fact]
        public Task A_string_that_may_be_null_keeps_its_old_meaning_of_empty_text() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string? name)
                {
                    cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string? name)
                {
                    cmd.CommandText = "SELECT * FROM Users WHERE Name = @name";
                    cmd.Parameters.AddWithValue("@name", name ?? "");
                }
            }
            """);

        [Fact]
        public Task Text_appended_to_CommandText_with_plus_equals_is_parameterized_where_it_is_appended() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = "SELECT * FROM Users";
                    cmd.CommandText += {|#0:" WHERE Name = '" + name + "'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = "SELECT * FROM Users";
                    cmd.CommandText += " WHERE Name = @name";
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task A_verbatim_multi_line_literal_stays_verbatim() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = {|#0:@"SELECT *
            FROM Users
            WHERE Name = '" + name + "'"|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = @"SELECT *
            FROM Users
            WHERE Name = @name";
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """);

        [Fact]
        public Task A_raw_multi_line_literal_stays_raw() => Fix(
            """"
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = {|#0:$"""
                        SELECT *
                        FROM Users
                        WHERE Name = '{name}'
                        """|};
                }
            }
            """",
            """"
            class C
            {
                void M(SqliteCommand cmd, string name)
                {
                    cmd.CommandText = """
                        SELECT *
                        FROM Users
                        WHERE Name = @name
                        """;
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """");

        [Fact]
        public Task A_raw_multi_line_literal_with_a_safe_hole_stays_raw_and_interpolated() => Fix(
            """"
            class C
            {
                void M(SqliteCommand cmd, int id, string name)
                {
                    cmd.CommandText = {|#0:$"""
                        SELECT *
                        FROM Users
                        WHERE Id = {id} AND Name = '{name}'
                        """|};
                }
            }
            """",
            """"
            class C
            {
                void M(SqliteCommand cmd, int id, string name)
                {
                    cmd.CommandText = $"""
                        SELECT *
                        FROM Users
                        WHERE Id = {id} AND Name = @name
                        """;
                    cmd.Parameters.AddWithValue("@name", name);
                }
            }
            """");

        [Fact]
        public async Task Fix_all_with_several_provider_neutral_commands_sharing_hole_names_compiles()
        {
            var test = new Verify.Test
            {
                TestCode = Usings + """
                    class C
                    {
                        void M(IDbConnection db, string name, string city)
                        {
                            using var first = db.CreateCommand();
                            first.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|};
                            using var second = db.CreateCommand();
                            second.CommandText = {|#1:"SELECT * FROM Orders WHERE Name = '" + name + "' AND City = '" + city + "'"|};
                            second.CommandText = {|#2:"SELECT * FROM Archive WHERE Name = '" + name + "'"|};
                        }
                    }
                    """,
                FixedCode = Usings + """
                    class C
                    {
                        void M(IDbConnection db, string name, string city)
                        {
                            using var first = db.CreateCommand();
                            first.CommandText = "SELECT * FROM Users WHERE Name = @name";
                            var nameParameter = first.CreateParameter();
                            nameParameter.ParameterName = "@name";
                            nameParameter.Value = name;
                            first.Parameters.Add(nameParameter);
                            using var second = db.CreateCommand();
                            second.CommandText = "SELECT * FROM Orders WHERE Name = @name2 AND City = @city";
                            var name2Parameter = second.CreateParameter();
                            name2Parameter.ParameterName = "@name2";
                            name2Parameter.Value = name;
                            second.Parameters.Add(name2Parameter);
                            var cityParameter = second.CreateParameter();
                            cityParameter.ParameterName = "@city";
                            cityParameter.Value = city;
                            second.Parameters.Add(cityParameter);
                            second.CommandText = "SELECT * FROM Archive WHERE Name = @name3";
                            var name3Parameter = second.CreateParameter();
                            name3Parameter.ParameterName = "@name3";
                            name3Parameter.Value = name;
                            second.Parameters.Add(name3Parameter);
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
        [InlineData("StringBuilder", """var sb = new System.Text.StringBuilder("SELECT * FROM Users WHERE Name = '"); sb.Append(name).Append("'"); cmd.CommandText = {|#0:sb.ToString()|};""")]
        [InlineData("local used twice", """var sql = "SELECT * FROM Users WHERE Name = '" + name + "'"; cmd.CommandText = {|#0:sql|}; System.Console.WriteLine(sql);""")]
        [InlineData("helper method", """cmd.CommandText = {|#0:ByName(name)|};""")]
        [InlineData("two holes inside one quoted literal", """cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + " " + name + "'"|};""")]
        [InlineData("statement that is not in a block", """if (name.Length > 0) cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|};""")]
        public Task No_fix_when_the_rewrite_is_not_certain(string because, string body)
        {
            Assert.NotEmpty(because);
            var source = Usings + $$"""
                class C
                {
                    static string ByName(string n) => "SELECT * FROM Users WHERE Name = '" + n + "'";
                    void M(SqliteCommand cmd, string name)
                    {
                        {{body}}
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, Pal1001);
        }

        [Fact]
        public async Task Fix_all_in_the_document_parameterizes_every_command()
        {
            var test = new Verify.Test
            {
                TestCode = Usings + """
                    class C
                    {
                        void A(SqliteCommand cmd, string name)
                        {
                            cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|};
                        }

                        void B(SqliteConnection lite, string name)
                        {
                            lite.Execute({|#1:"DELETE FROM Users WHERE Name = '" + name + "'"|});
                        }
                    }
                    """,
                FixedCode = Usings + """
                    class C
                    {
                        void A(SqliteCommand cmd, string name)
                        {
                            cmd.CommandText = "SELECT * FROM Users WHERE Name = @name";
                            cmd.Parameters.AddWithValue("@name", name);
                        }

                        void B(SqliteConnection lite, string name)
                        {
                            lite.Execute("DELETE FROM Users WHERE Name = @name", new { name });
                        }
                    }
                    """,
                CodeActionEquivalenceKey = ParameterizeSqlCodeFix.EquivalenceKey,
            };
            test.ExpectedDiagnostics.Add(Rule(0));
            test.ExpectedDiagnostics.Add(Rule(1));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_all_across_documents_in_the_project()
        {
            const string first = """
                class A
                {
                    void M(SqliteCommand cmd, string name)
                    {
                        cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|};
                    }
                }
                """;
            const string second = """
                class B
                {
                    void M(SqliteConnection lite, string term)
                    {
                        lite.Execute({|#1:"DELETE FROM Users WHERE Name LIKE '%" + term + "%'"|});
                    }
                }
                """;
            var test = new Verify.Test { CodeActionEquivalenceKey = ParameterizeSqlCodeFix.EquivalenceKey };
            test.TestState.Sources.Add(("/A.cs", Usings + first));
            test.TestState.Sources.Add(("/B.cs", "using Dapper;\nusing Microsoft.Data.Sqlite;\n" + second));
            test.FixedState.Sources.Add(("/A.cs", Usings + first
                .Replace("{|#0:\"SELECT * FROM Users WHERE Name = '\" + name + \"'\"|};", "\"SELECT * FROM Users WHERE Name = @name\";\n        cmd.Parameters.AddWithValue(\"@name\", name);")));
            test.FixedState.Sources.Add(("/B.cs", "using Dapper;\nusing Microsoft.Data.Sqlite;\n" + second
                .Replace("{|#1:\"DELETE FROM Users WHERE Name LIKE '%\" + term + \"%'\"|}", "\"DELETE FROM Users WHERE Name LIKE @term\", new { term = \"%\" + term + \"%\" }")));
            test.ExpectedDiagnostics.Add(Rule(0));
            test.ExpectedDiagnostics.Add(Rule(1));
            await test.RunAsync();
        }
    }
}
