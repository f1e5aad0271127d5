using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.CodeFixes.Sql;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Sql.SqlInjectionAnalyzer, Palisade.CodeFixes.Sql.ParameterizeSqlCodeFix>;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// PAL1001 fix for SQL built over several statements: StringBuilder appends, += in branches, reassigned locals,
    /// ternary and switch holes. Each piece is rewritten where it is written and its parameter is added right after
    /// it, so a conditional append keeps its condition. The verifier compiles the result and re-runs the analyzer.
    /// </summary>
    public class PiecewiseSqlCodeFixTests
    {
        private const string Usings = """
            using System.Data;
            using System.Linq;
            using System.Text;
            using Dapper;
            using Microsoft.Data.Sqlite;

            public class User { public int Id { get; set; } public string Name { get; set; } = ""; }

            """;

        private static DiagnosticResult Rule(int location) => new DiagnosticResult(DiagnosticIds.SqlBuiltFromText, DiagnosticSeverity.Warning).WithLocation(location);

        private static Task Fix(string before, string after) =>
            Verify.VerifyCodeFixAsync(Usings + before, new[] { Rule(0) }, Usings + after, ParameterizeSqlCodeFix.EquivalenceKey);

        /// <summary>The dictionary's type brings its using directive, which sorts first.</summary>
        private static Task FixAddingUsing(string before, string after) =>
            Verify.VerifyCodeFixAsync(Usings + before, new[] { Rule(0) }, "using System.Collections.Generic;\n" + Usings + after, ParameterizeSqlCodeFix.EquivalenceKey);

        [Fact]
        public Task Conditional_appends_on_an_existing_command_add_their_parameter_in_the_same_branch() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, string? name, string? city)
                {
                    var sql = new StringBuilder("SELECT * FROM Users WHERE 1 = 1");
                    if (name != null)
                    {
                        sql.Append(" AND Name = '").Append(name).Append("'");
                    }

                    if (city != null)
                        sql.Append($" AND City = '{city}'");
                    cmd.CommandText = {|#0:sql.ToString()|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, string? name, string? city)
                {
                    var sql = new StringBuilder("SELECT * FROM Users WHERE 1 = 1");
                    if (name != null)
                    {
                        sql.Append(" AND Name = @name");
                        cmd.Parameters.AddWithValue("@name", name);
                    }

                    if (city != null)
                    {
                        sql.Append(" AND City = @city");
                        cmd.Parameters.AddWithValue("@city", city);
                    }
                    cmd.CommandText = sql.ToString();
                }
            }
            """);

        [Fact]
        public Task A_command_created_after_the_builder_gets_the_parameters_collected_on_the_way() => FixAddingUsing(
            """
            class C
            {
                void M(SqliteConnection lite, string? name, int? minId)
                {
                    var sql = new StringBuilder();
                    sql.AppendLine("SELECT * FROM Users WHERE 1 = 1");
                    if (name != null)
                    {
                        sql.AppendFormat(" AND Name = '{0}'", name);
                    }

                    if (minId != null)
                    {
                        sql.Append(" AND Id >= ").Append(minId);
                    }

                    using var cmd = new SqliteCommand({|#0:sql.ToString()|}, lite);
                    cmd.ExecuteReader();
                }
            }
            """,
            """
            class C
            {
                void M(SqliteConnection lite, string? name, int? minId)
                {
                    var sql = new StringBuilder();
                    sql.AppendLine("SELECT * FROM Users WHERE 1 = 1");
                    var parameters = new Dictionary<string, object?>();
                    if (name != null)
                    {
                        sql.Append(" AND Name = @name");
                        parameters.Add("@name", name);
                    }

                    if (minId != null)
                    {
                        sql.Append(" AND Id >= ").Append(minId);
                    }

                    using var cmd = new SqliteCommand(sql.ToString(), lite);
                    foreach (var parameter in parameters)
                    {
                        cmd.Parameters.AddWithValue(parameter.Key, parameter.Value);
                    }

                    cmd.ExecuteReader();
                }
            }
            """);

        [Fact]
        public Task Dapper_collects_conditional_values_in_DynamicParameters() => Fix(
            """
            class C
            {
                void M(IDbConnection db, string? name, string? city)
                {
                    var sql = "SELECT * FROM Users WHERE 1 = 1";
                    if (name != null)
                    {
                        sql += " AND Name = '" + name + "'";
                    }
                    else if (city != null)
                    {
                        sql = sql + " AND City LIKE '%" + city + "%'";
                    }

                    var users = db.Query<User>({|#0:sql|});
                }
            }
            """,
            """
            class C
            {
                void M(IDbConnection db, string? name, string? city)
                {
                    var sql = "SELECT * FROM Users WHERE 1 = 1";
                    var parameters = new DynamicParameters();
                    if (name != null)
                    {
                        sql += " AND Name = @name";
                        parameters.Add("name", name);
                    }
                    else if (city != null)
                    {
                        sql = sql + " AND City LIKE @city";
                        parameters.Add("city", "%" + city + "%");
                    }

                    var users = db.Query<User>(sql, parameters);
                }
            }
            """);

        [Fact]
        public Task Ternary_and_switch_holes_become_one_parameter_each() => Fix(
            """
            class C
            {
                void M(SqliteCommand cmd, bool useAlias, User user, int kind)
                {
                    var sql = "SELECT * FROM Users";
                    sql += " WHERE Name = '" + (useAlias ? user.Name.ToUpperInvariant() : user.Name) + "'";
                    sql += " AND Tag = '" + (kind switch { 1 => user.Name, _ => user.Name.Trim() }) + "'";
                    cmd.CommandText = {|#0:sql|};
                }
            }
            """,
            """
            class C
            {
                void M(SqliteCommand cmd, bool useAlias, User user, int kind)
                {
                    var sql = "SELECT * FROM Users";
                    sql += " WHERE Name = @p";
                    cmd.Parameters.AddWithValue("@p", useAlias ? user.Name.ToUpperInvariant() : user.Name);
                    sql += " AND Tag = @p2";
                    cmd.Parameters.AddWithValue("@p2", kind switch { 1 => user.Name, _ => user.Name.Trim() });
                    cmd.CommandText = sql;
                }
            }
            """);

        [Fact]
        public Task Values_appended_in_a_loop_get_one_numbered_placeholder_per_turn() => FixAddingUsing(
            """
            class C
            {
                void M(SqliteConnection lite, string[] tags)
                {
                    var sql = "SELECT * FROM Users WHERE 1 = 0";
                    foreach (var tag in tags)
                        sql += " OR Tag = '" + tag + "'";
                    using var cmd = new SqliteCommand({|#0:sql|}, lite);
                    cmd.ExecuteReader();
                }
            }
            """,
            """
            class C
            {
                void M(SqliteConnection lite, string[] tags)
                {
                    var sql = "SELECT * FROM Users WHERE 1 = 0";
                    var parameters = new Dictionary<string, object?>();
                    foreach (var tag in tags)
                    {
                        var tagName = "@tag_" + parameters.Count;
                        sql += " OR Tag = " + tagName;
                        parameters.Add(tagName, tag);
                    }
                    using var cmd = new SqliteCommand(sql, lite);
                    foreach (var parameter in parameters)
                    {
                        cmd.Parameters.AddWithValue(parameter.Key, parameter.Value);
                    }

                    cmd.ExecuteReader();
                }
            }
            """);

        [Fact]
        public Task Dapper_values_appended_in_a_loop_get_a_numbered_name_per_turn() => Fix(
            """
            class C
            {
                void M(IDbConnection db, string csv)
                {
                    var sql = "SELECT * FROM Users WHERE 1 = 0";
                    foreach (var name in csv.Split(','))
                    {
                        sql += " OR Name = '" + name + "'";
                    }

                    var users = db.Query<User>({|#0:sql + " ORDER BY Id"|});
                }
            }
            """,
            """
            class C
            {
                void M(IDbConnection db, string csv)
                {
                    var sql = "SELECT * FROM Users WHERE 1 = 0";
                    var parameters = new DynamicParameters();
                    foreach (var name in csv.Split(','))
                    {
                        var nameName = "@name_" + parameters.ParameterNames.Count();
                        sql += " OR Name = " + nameName;
                        parameters.Add(nameName, name);
                    }

                    var users = db.Query<User>(sql + " ORDER BY Id", parameters);
                }
            }
            """);

        [Fact]
        public Task A_Dapper_IN_list_of_quoted_values_becomes_a_list_parameter() => Fix(
            """
            class C
            {
                void M(IDbConnection db, string[] names)
                {
                    var users = db.Query<User>({|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "') ORDER BY Id"|});
                }
            }
            """,
            """
            class C
            {
                void M(IDbConnection db, string[] names)
                {
                    var users = db.Query<User>("SELECT * FROM Users WHERE Name IN @names ORDER BY Id", new { names });
                }
            }
            """);

        [Theory]
        [InlineData("the quote is opened in another statement", """var sb = new StringBuilder("SELECT * FROM Users WHERE Name = '"); sb.Append(name).Append("'"); cmd.CommandText = {|#0:sb.ToString()|};""")]
        [InlineData("a command reused on every turn of a loop", """foreach (var n in name.Split(',')) { cmd.CommandText = {|#0:"DELETE FROM Users WHERE Name = '" + n + "'"|}; cmd.ExecuteNonQuery(); }""")]
        [InlineData("Dapper values appended in a loop with a parameter object already passed", """var sql = "SELECT * FROM Users WHERE Id = @id"; foreach (var n in name.Split(',')) { sql += " OR Name = '" + n + "'"; } cmd.Connection!.Query<User>({|#0:sql|}, new { id = 1 });""")]
        [InlineData("the builder is passed to another method", """var sb = new StringBuilder("SELECT * FROM Users WHERE 1 = 1"); sb.Append(" AND Name = '").Append(name).Append("'"); Log(sb); cmd.CommandText = {|#0:sb.ToString()|};""")]
        [InlineData("the text also goes to another command", """var sql = "SELECT * FROM Users"; if (name.Length > 0) { sql += " WHERE Name = '" + name + "'"; } cmd.CommandText = {|#0:sql|}; other.CommandText = {|#1:sql|};""")]
        [InlineData("a fragment appended under a condition", """var sb = new StringBuilder("SELECT * FROM Users WHERE 1 = 1"); sb.Append(name.Length > 0 ? " AND Name = '" + name + "'" : ""); cmd.CommandText = {|#0:sb.ToString()|};""")]
        public Task No_fix_when_a_piece_cannot_be_rewritten_on_its_own(string because, string body)
        {
            Assert.NotEmpty(because);
            var source = Usings + $$"""
                class C
                {
                    static void Log(StringBuilder sb) { }
                    void M(SqliteCommand cmd, SqliteCommand other, string name)
                    {
                        {{body}}
                    }
                }
                """;
            return body.Contains("#1")
                ? Verify.VerifyAnalyzerAsync(source, Rule(0), Rule(1))
                : Verify.VerifyAnalyzerAsync(source, Rule(0));
        }
    }
}
