using System.Collections.Generic;
using System.Linq;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>One labelled case: a method body (and optional members / .editorconfig) and the rule it must raise, if any.</summary>
    public sealed record SqlCase(string Name, string Rule, string Body, string Members = "", string EditorConfig = "")
    {
        public bool IsFlagged => Rule.Length > 0;

        /// <summary>The whole test source: the case's body inside a method whose parameters give it connections and inputs.</summary>
        public string Source => SqlCorpus.Wrap(Body, Members);
    }

    /// <summary>
    /// The labelled SQL injection corpus. Every rule test class draws its flagged and safe theories from here, and
    /// <see cref="SqlCorpusMetricsTests"/> measures precision and recall over all of it. A flagged case marks the
    /// expected location with <c>{|#0:...|}</c>. Rule "" means the case must stay quiet.
    /// </summary>
    public static class SqlCorpus
    {
        public const string Pal1001 = "PAL1001";
        public const string Pal1002 = "PAL1002";
        public const string Pal1003 = "PAL1003";
        public const string Quiet = "";

        private const string Where = "SELECT * FROM Users WHERE Name = '";

        public static string Wrap(string body, string members) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Data;
            using System.Data.Common;
            using System.Linq;
            using System.Text;
            using Dapper;
            using Microsoft.Data.Sqlite;
            using Microsoft.EntityFrameworkCore;
            using Npgsql;
            using MsSql = Microsoft.Data.SqlClient;
            using SysSql = System.Data.SqlClient;

            public class User { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class AppDb : DbContext { public DbSet<User> Users => Set<User>(); }
            public enum SortOrder { Asc, Desc }
            public class Fake { public string CommandText { get; set; } = ""; }

            public class Case
            {
                private const string Columns = "Id, Name";
                private static readonly string Table = "Users";
                private static readonly string[] Cols = { "Id", "Name" };
                private static readonly Dictionary<string, string> SortColumns = new() { ["name"] = "Name", ["id"] = "Id" };
                public static class Db { public static int Run(string sql) => 0; public static int Run2(string sql) => 0; }
            {{members}}

                public void Run(MsSql.SqlConnection sql, SysSql.SqlConnection legacy, NpgsqlConnection pg, SqliteConnection lite, DbConnection db,
                    IDbConnection idb, AppDb ctx, MsSql.SqlCommand cmd, SqliteCommand liteCmd, IDbCommand icmd, User user,
                    string name, string column, int id, Guid key, DateTime when, SortOrder order, int[] ids, string[] names)
                {
            {{body}}
                }
            }
            """;

        public static readonly IReadOnlyList<SqlCase> Cases = new List<SqlCase>
        {
            // ---- ADO.NET: Microsoft.Data.SqlClient and System.Data.SqlClient ----
            new("MsSql CommandText concatenation", Pal1001, $$"""cmd.CommandText = {|#0:"{{Where}}" + name + "'"|};"""),
            new("MsSql constructor concatenation", Pal1001, $$"""using var c = new MsSql.SqlCommand({|#0:"{{Where}}" + name + "'"|}, sql);"""),
            new("MsSql CommandText interpolation", Pal1001, """cmd.CommandText = {|#0:$"SELECT * FROM Users WHERE Name = '{name}'"|};"""),
            new("System.Data.SqlClient constructor", Pal1001, """var c = new SysSql.SqlCommand({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|}, legacy);"""),
            new("System.Data.SqlClient CreateCommand then CommandText", Pal1001, """var c = legacy.CreateCommand(); c.CommandText = {|#0:"SELECT * FROM Users WHERE Id = " + name|};"""),
            new("MsSql batch command constructor", Pal1001, $$"""var b = new MsSql.SqlBatchCommand({|#0:"{{Where}}" + name + "'"|});"""),
            new("MsSql data adapter constructor", Pal1001, $$"""var a = new MsSql.SqlDataAdapter({|#0:"{{Where}}" + name + "'"|}, sql);"""),
            new("System.Data.SqlClient data adapter constructor", Pal1001, $$"""var a = new SysSql.SqlDataAdapter({|#0:"{{Where}}" + name + "'"|}, legacy);"""),
            new("Object initializer CommandText", Pal1001, $$"""var c = new MsSql.SqlCommand { Connection = sql, CommandText = {|#0:"{{Where}}" + name + "'"|} };"""),
            // ---- Npgsql, Sqlite, generic ----
            new("Npgsql constructor interpolation", Pal1001, """var c = new NpgsqlCommand({|#0:$"SELECT * FROM users WHERE name = '{name}'"|}, pg);"""),
            new("Npgsql batch command", Pal1001, """var c = new NpgsqlBatchCommand({|#0:"DELETE FROM users WHERE name = '" + name + "'"|});"""),
            new("Npgsql data adapter", Pal1001, $$"""var a = new NpgsqlDataAdapter({|#0:"{{Where}}" + name + "'"|}, pg);"""),
            new("Sqlite constructor", Pal1001, $$"""var c = new SqliteCommand({|#0:"{{Where}}" + name + "'"|}, lite);"""),
            new("Sqlite CommandText string.Format", Pal1001, """liteCmd.CommandText = {|#0:string.Format("SELECT * FROM Users WHERE Name = '{0}'", name)|};"""),
            new("IDbCommand CommandText", Pal1001, $$"""icmd.CommandText = {|#0:"{{Where}}" + name + "'"|};"""),
            new("DbCommand from DbConnection with string.Concat", Pal1001, """var c = db.CreateCommand(); c.CommandText = {|#0:string.Concat("SELECT * FROM Users WHERE Name = '", name, "'")|};"""),
            new("DbBatchCommand CommandText", Pal1001, $$"""var batch = db.CreateBatch(); var bc = batch.CreateBatchCommand(); bc.CommandText = {|#0:"{{Where}}" + name + "'"|};"""),
            // ---- following the value ----
            new("Local assigned once", Pal1001, $$"""var q = "{{Where}}" + name + "'"; cmd.CommandText = {|#0:q|};"""),
            new("CommandText += in a branch", Pal1001, """cmd.CommandText = "SELECT * FROM Users WHERE 1 = 1"; if (id > 0) { cmd.CommandText += {|#0:" AND Name = '" + name + "'"|}; }"""),
            new("CommandText += ORDER BY input", Pal1003, """cmd.CommandText = "SELECT * FROM Users"; cmd.CommandText += {|#0:" ORDER BY " + column|};"""),
            new("Value inside an IN subquery", Pal1001, """cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Id IN (SELECT UserId FROM Roles WHERE Role = '" + name + "')"|};"""),
            new("Local += in a branch", Pal1001, """var q = "SELECT * FROM Users WHERE 1 = 1"; if (id > 0) { q += " AND Name = '" + name + "'"; } cmd.CommandText = {|#0:q|};"""),
            new("Local += in a loop over inputs", Pal1001, """var q = "SELECT * FROM Users WHERE 1 = 0"; foreach (var n in names) { q += " OR Name = '" + n + "'"; } cmd.CommandText = {|#0:q|};"""),
            new("Local reassigned with itself", Pal1001, """var q = "SELECT * FROM Users"; q = q + " WHERE Name = '" + name + "'"; cmd.CommandText = {|#0:q|};"""),
            new("StringBuilder constructor then Append chain", Pal1001, $$"""var sb = new StringBuilder("{{Where}}"); sb.Append(name).Append("'"); cmd.CommandText = {|#0:sb.ToString()|};"""),
            new("StringBuilder AppendFormat", Pal1001, """var sb = new StringBuilder(); sb.AppendFormat("SELECT * FROM Users WHERE Name = '{0}'", name); cmd.CommandText = {|#0:sb.ToString()|};"""),
            new("StringBuilder AppendLine and Append", Pal1001, """var sb = new StringBuilder(); sb.AppendLine("SELECT * FROM Users"); sb.Append("WHERE Name = '"); sb.Append(name); sb.Append("'"); cmd.CommandText = {|#0:sb.ToString()|};"""),
            new("StringBuilder interpolated Append", Pal1001, """var sb = new StringBuilder("SELECT * FROM Users "); sb.Append($"WHERE Name = '{name}'"); cmd.CommandText = {|#0:sb.ToString()|};"""),
            new("StringBuilder Insert", Pal1001, """var sb = new StringBuilder("'"); sb.Insert(0, name); sb.Insert(0, "SELECT * FROM Users WHERE Name = '"); cmd.CommandText = {|#0:sb.ToString()|};"""),
            new("Ternary with an input branch", Pal1001, $$"""cmd.CommandText = {|#0:"{{Where}}" + (id > 0 ? name : "x") + "'"|};"""),
            new("Coalesce with an input", Pal1001, $$"""cmd.CommandText = {|#0:"{{Where}}" + (name ?? "") + "'"|};"""),
            new("Property of an input object", Pal1001, $$"""cmd.CommandText = {|#0:"{{Where}}" + user.Name + "'"|};"""),
            new("Trimmed input", Pal1001, $$"""cmd.CommandText = {|#0:"{{Where}}" + name.Trim().ToUpperInvariant() + "'"|};"""),
            new("A char is not safe", Pal1001, """cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Initial = '" + name[0] + "'"|};"""),
            new("Quote doubling is not a sanitizer by default", Pal1001, $$"""cmd.CommandText = {|#0:"{{Where}}" + Clean(name) + "'"|};""", """static string Clean(string s) => s.Replace("'", "''");"""),
            new("Helper method returning built SQL", Pal1001, """cmd.CommandText = {|#0:ByName(name)|};""", $$"""static string ByName(string n) => "{{Where}}" + n + "'";"""),
            new("Helper method with a block body", Pal1001, """cmd.CommandText = {|#0:Build(name)|};""", $$"""static string Build(string n) { var s = "{{Where}}"; s += n; return s + "'"; }"""),
            new("Call to a method that forwards its parameter to a sink", Pal1001, """Exec(cmd, {|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});""", """static void Exec(MsSql.SqlCommand c, string text) { c.CommandText = text; c.ExecuteNonQuery(); }"""),
            new("Read-only field assigned in the static constructor", Pal1003, """cmd.CommandText = {|#0:"SELECT * FROM " + Dyn|};""", """static readonly string Dyn; static Case() { Dyn = Environment.GetEnvironmentVariable("T") ?? "Users"; }"""),
            new("Raw string literal with an input hole", Pal1001, """"
                cmd.CommandText = {|#0:$"""
                    SELECT * FROM Users
                    WHERE Name = '{name}'
                    """|};
                """"),
            new("Local function building SQL from its parameter", Pal1001, $$"""string Q(string n) => "{{Where}}" + n + "'"; cmd.CommandText = {|#0:Q(name)|};"""),
            new("+= with a ternary in the appended text", Pal1001, """var q = "SELECT * FROM Users"; q += " WHERE Name = '" + (id > 0 ? name : name.Trim()) + "'"; cmd.CommandText = {|#0:q|};"""),
            new("+= with a switch expression in the appended text, inside a loop", Pal1001, """var q = "SELECT * FROM Users WHERE 1 = 1"; foreach (var n in names) { q += " OR Name = '" + (id switch { 1 => n, _ => name }) + "'"; } cmd.CommandText = {|#0:q|};"""),
            new("StringBuilder handed to another method", Pal1003, """var sb = new StringBuilder("SELECT * FROM Users WHERE "); AddFilter(sb); cmd.CommandText = {|#0:sb.ToString()|};""", """static void AddFilter(StringBuilder sb) => sb.Append("Id = 1");"""),
            // ---- Dapper ----
            new("Dapper Query", Pal1001, $$"""_ = lite.Query<User>({|#0:"{{Where}}" + name + "'"|});"""),
            new("Dapper QueryAsync", Pal1001, $$"""_ = db.QueryAsync<User>({|#0:"{{Where}}" + name + "'"|});"""),
            new("Dapper Execute interpolated", Pal1001, """_ = idb.Execute({|#0:$"DELETE FROM Users WHERE Name = '{name}'"|});"""),
            new("Dapper ExecuteScalar", Pal1001, """_ = idb.ExecuteScalar<int>({|#0:"SELECT COUNT(*) FROM Users WHERE Name = '" + name + "'"|});"""),
            new("Dapper QueryFirstOrDefault", Pal1001, $$"""_ = sql.QueryFirstOrDefault<User>({|#0:"{{Where}}" + name + "'"|});"""),
            new("Dapper QuerySingleAsync", Pal1001, $$"""_ = pg.QuerySingleAsync<User>({|#0:"{{Where}}" + name + "'"|});"""),
            new("Dapper QueryMultiple", Pal1001, $$"""using var grid = lite.QueryMultiple({|#0:"{{Where}}" + name + "'"|});"""),
            new("Dapper ExecuteReader", Pal1001, $$"""using var reader = idb.ExecuteReader({|#0:"{{Where}}" + name + "'"|});"""),
            new("Dapper CommandDefinition", Pal1001, $$"""var d = new CommandDefinition({|#0:"{{Where}}" + name + "'"|});"""),
            new("Dapper Query with a parameter object and a spliced input", Pal1001, """_ = lite.Query<User>({|#0:"SELECT * FROM Users WHERE Id = @id AND Name = '" + name + "'"|}, new { id });"""),
            // ---- EF Core ----
            new("EF FromSqlRaw concatenation", Pal1002, $$"""_ = ctx.Users.FromSqlRaw({|#0:"{{Where}}" + name + "'"|}).ToList();"""),
            new("EF FromSqlRaw interpolated string", Pal1002, """_ = ctx.Users.FromSqlRaw({|#0:$"SELECT * FROM Users WHERE Name = '{name}'"|}).ToList();"""),
            new("EF ExecuteSqlRaw", Pal1002, """_ = ctx.Database.ExecuteSqlRaw({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});"""),
            new("EF ExecuteSqlRawAsync", Pal1002, """_ = ctx.Database.ExecuteSqlRawAsync({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});"""),
            new("EF SqlQueryRaw", Pal1002, """_ = ctx.Database.SqlQueryRaw<int>({|#0:"SELECT Id AS Value FROM Users WHERE Name = '" + name + "'"|}).ToList();"""),
            new("EF FromSqlRaw through a local", Pal1002, $$"""var q = "{{Where}}" + name + "'"; _ = ctx.Users.FromSqlRaw({|#0:q|}).ToList();"""),
            // ---- configured sinks ----
            new("Configured sink by documentation ID", Pal1001, """Db.Run({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});""", EditorConfig: "palisade.sql.additional_sinks = M:Case.Db.Run(System.String)"),
            new("Configured sink by dotted name", Pal1001, """Db.Run2({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});""", EditorConfig: "palisade.sql.additional_sinks = Case.Db.Run, Case.Db.Run2"),
            // ---- PAL1003: holes a parameter cannot fill ----
            new("Table name from input", Pal1003, """cmd.CommandText = {|#0:"SELECT * FROM " + column|};"""),
            new("ORDER BY column from input", Pal1003, """cmd.CommandText = {|#0:"SELECT * FROM Users ORDER BY " + column|};"""),
            new("ORDER BY direction from input", Pal1003, """cmd.CommandText = {|#0:"SELECT * FROM Users ORDER BY Name " + column|};"""),
            new("IN list of quoted inputs", Pal1003, """cmd.CommandText = {|#0:"SELECT * FROM Users WHERE Name IN (" + string.Join(",", names.Select(n => "'" + n + "'")) + ")"|};"""),
            new("Bracketed column name", Pal1003, """cmd.CommandText = {|#0:"SELECT [" + column + "] FROM Users"|};"""),
            new("Column list in SELECT", Pal1003, """cmd.CommandText = {|#0:$"SELECT {column} FROM Users"|};"""),
            new("WHERE fragment from input", Pal1003, """cmd.CommandText = {|#0:"SELECT * FROM Users WHERE " + column|};"""),
            new("Dapper ORDER BY interpolated", Pal1003, """_ = lite.Query<User>({|#0:$"SELECT * FROM Users ORDER BY {column}"|});"""),
            new("EF FromSqlRaw ORDER BY", Pal1003, """_ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users ORDER BY " + column|}).ToList();"""),
            new("Second ORDER BY column", Pal1003, """cmd.CommandText = {|#0:"SELECT * FROM Users ORDER BY Name, " + column|};"""),

            // ======== look-alikes that must stay quiet ========
            new("Constant text", Quiet, """cmd.CommandText = "SELECT * FROM Users";"""),
            new("Concatenated const field", Quiet, """cmd.CommandText = "SELECT " + Columns + " FROM Users";"""),
            new("Static readonly field holding a literal", Quiet, """cmd.CommandText = "SELECT * FROM " + Table;"""),
            new("nameof", Quiet, """cmd.CommandText = "SELECT * FROM " + nameof(User) + "s";"""),
            new("Interpolated const", Quiet, """cmd.CommandText = $"SELECT {Columns} FROM Users";"""),
            new("Int value", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Id = " + id;"""),
            new("Int ToString", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Id = " + id.ToString();"""),
            new("Guid value", Quiet, """cmd.CommandText = $"SELECT * FROM Users WHERE Key = '{key}'";"""),
            new("DateTime with a format", Quiet, """cmd.CommandText = $"SELECT * FROM Users WHERE Created > '{when:yyyy-MM-dd}'";"""),
            new("Enum value", Quiet, """cmd.CommandText = "SELECT * FROM Users ORDER BY Name " + order;"""),
            new("Bool value", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Active = " + (id > 0);"""),
            new("Double value", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Score > " + id * 1.5;"""),
            new("TimeSpan value", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Age < " + TimeSpan.FromMinutes(id).TotalSeconds;"""),
            new("DateTimeOffset value", Quiet, """cmd.CommandText = $"SELECT * FROM Users WHERE Seen < '{DateTimeOffset.UtcNow}'";"""),
            new("Nullable int", Quiet, """int? maybe = id > 0 ? id : null; cmd.CommandText = "SELECT * FROM Users WHERE Id = " + maybe;"""),
            new("string.Format with an int", Quiet, """cmd.CommandText = string.Format("SELECT * FROM Users WHERE Id = {0}", id);"""),
            new("Ternary of literals", Quiet, """cmd.CommandText = "SELECT * FROM Users ORDER BY Name " + (id > 0 ? "ASC" : "DESC");"""),
            new("Switch expression of literals", Quiet, """var col = column switch { "id" => "Id", _ => "Name" }; cmd.CommandText = "SELECT * FROM Users ORDER BY " + col;"""),
            new("Dictionary of literals", Quiet, """cmd.CommandText = "SELECT * FROM Users ORDER BY " + SortColumns[column];"""),
            new("TryGetValue on a dictionary of literals", Quiet, """if (SortColumns.TryGetValue(column, out var col)) { cmd.CommandText = "SELECT * FROM Users ORDER BY " + col; }"""),
            new("Array of literals", Quiet, """cmd.CommandText = "SELECT * FROM Users ORDER BY " + Cols[id % 2];"""),
            new("Local dictionary of literals", Quiet, """var map = new Dictionary<string, string> { { "a", "Name" }, { "b", "Id" } }; cmd.CommandText = "SELECT * FROM Users ORDER BY " + map[column];"""),
            new("SqlCommandBuilder.QuoteIdentifier", Quiet, """var b = new MsSql.SqlCommandBuilder(); cmd.CommandText = "SELECT * FROM " + b.QuoteIdentifier(column);"""),
            new("NpgsqlCommandBuilder.QuoteIdentifier", Quiet, """var b = new NpgsqlCommandBuilder(); cmd.CommandText = "SELECT * FROM " + b.QuoteIdentifier(column);"""),
            new("Configured sanitizer", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Name = '" + Clean(name) + "'";""", """static string Clean(string s) => s.Replace("'", "''");""", "palisade.sql.sanitizers = Case.Clean"),
            new("Parameterized ADO.NET", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Name = @name"; cmd.Parameters.AddWithValue("@name", name);"""),
            new("Parameterized Sqlite constructor", Quiet, """var c = new SqliteCommand("SELECT * FROM Users WHERE Name = $name", lite); c.Parameters.AddWithValue("$name", name);"""),
            new("Dapper with a parameter object", Quiet, """_ = lite.Query<User>("SELECT * FROM Users WHERE Name = @name", new { name });"""),
            new("Dapper Execute constant", Quiet, """_ = idb.Execute("DELETE FROM Users WHERE Id = @id", new { id });"""),
            new("Dapper CommandDefinition constant", Quiet, """var d = new CommandDefinition("SELECT * FROM Users WHERE Name = @name", new { name });"""),
            new("EF FromSql interpolated", Quiet, """_ = ctx.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}").ToList();"""),
            new("EF FromSqlInterpolated", Quiet, """_ = ctx.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();"""),
            new("EF ExecuteSql interpolated", Quiet, """_ = ctx.Database.ExecuteSql($"DELETE FROM Users WHERE Name = {name}");"""),
            new("EF SqlQuery interpolated", Quiet, """_ = ctx.Database.SqlQuery<int>($"SELECT Id AS Value FROM Users WHERE Name = {name}").ToList();"""),
            new("EF FromSqlRaw with positional parameters", Quiet, """_ = ctx.Users.FromSqlRaw("SELECT * FROM Users WHERE Name = {0}", name).ToList();"""),
            new("EF ExecuteSqlRaw constant with const field", Quiet, """_ = ctx.Database.ExecuteSqlRaw("SELECT " + Columns + " FROM Users");"""),
            new("IN list of ints", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Id IN (" + string.Join(",", ids) + ")";"""),
            new("IN list of literal names", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE Name IN (" + string.Join(",", new[] { "'a'", "'b'" }) + ")";"""),
            new("StringBuilder of constants and ints", Quiet, """var sb = new StringBuilder(); sb.Append("SELECT * FROM Users WHERE Id = ").Append(id); cmd.CommandText = sb.ToString();"""),
            new("Local += constants in a loop", Quiet, """var q = "SELECT * FROM Users WHERE 1 = 0"; foreach (var i in ids) { q += " OR Id = " + i; } cmd.CommandText = q;"""),
            new("Loop over literal column names", Quiet, """var q = "SELECT Id"; foreach (var c in new[] { "Name", "Email" }) { q += ", " + c; } cmd.CommandText = q + " FROM Users";"""),
            new("Helper returning constant SQL", Quiet, """cmd.CommandText = AllUsers();""", """static string AllUsers() => "SELECT * FROM Users";"""),
            new("Helper fed a constant", Quiet, """cmd.CommandText = ByName("bob");""", $$"""static string ByName(string n) => "{{Where}}" + n + "'";"""),
            new("Helper fed an int", Quiet, """cmd.CommandText = ById(id);""", """static string ById(int i) => "SELECT * FROM Users WHERE Id = " + i;"""),
            new("Helper mapping input to an allow-list", Quiet, """cmd.CommandText = "SELECT * FROM Users ORDER BY " + Allowed(column);""", """static string Allowed(string c) => c == "name" ? "Name" : "Id";"""),
            new("Forwarding method called with constant text", Quiet, """Exec(cmd, "DELETE FROM Users");""", """static void Exec(MsSql.SqlCommand c, string text) { c.CommandText = text; c.ExecuteNonQuery(); }"""),
            new("The method's own parameter passed through whole", Quiet, """cmd.CommandText = name;"""),
            new("CommandText on a type that is not a command", Quiet, """new Fake().CommandText = "SELECT * FROM Users WHERE Name = '" + name + "'";"""),
            new("A method named Query that is not Dapper", Quiet, """_ = Query("SELECT * FROM Users WHERE Name = '" + name + "'");""", """static int Query(string sql) => sql.Length;"""),
            new("Unconfigured look-alike of a configurable sink", Quiet, """Db.Run("DELETE FROM Users WHERE Name = '" + name + "'");"""),
            new("Configured sink with constant text", Quiet, """Db.Run("DELETE FROM Users");""", EditorConfig: "palisade.sql.additional_sinks = M:Case.Db.Run(System.String)"),
            new("Built string that never reaches SQL", Quiet, """var message = "Hello " + name; Console.WriteLine(message);"""),
            new("Data adapter with constant text", Quiet, """var a = new MsSql.SqlDataAdapter("SELECT * FROM Users", sql);"""),
            new("Batch command with constant text", Quiet, """var c = new NpgsqlBatchCommand("DELETE FROM users WHERE id = 1");"""),
            new("Connection string built from input is not SQL", Quiet, """using var c = new MsSql.SqlConnection("Server=" + name + ";Database=app");"""),
            new("Data adapter connection string from input", Quiet, """var a = new MsSql.SqlDataAdapter("SELECT * FROM Users", "Server=" + name);"""),
            new("TryGetValue result or a literal default", Quiet, """var sort = SortColumns.TryGetValue(column, out var c) ? c : "Id"; cmd.CommandText = "SELECT * FROM Users ORDER BY " + sort;"""),
            new("Local function returning fixed text", Quiet, """string Dir() => id > 0 ? "ASC" : "DESC"; cmd.CommandText = "SELECT * FROM Users ORDER BY Name " + Dir();"""),
            new("Raw string literal with an int hole", Quiet, """"
                cmd.CommandText = $"""
                    SELECT * FROM Users
                    WHERE Id = {id}
                    """;
                """"),
            new("CommandText += constant text and ints", Quiet, """cmd.CommandText = "SELECT * FROM Users WHERE 1 = 1"; cmd.CommandText += " AND Id = " + id;"""),
            new("System.Data.SqlClient parameterized constructor", Quiet, """var c = new SysSql.SqlCommand("SELECT * FROM Users WHERE Name = @name", legacy); c.Parameters.AddWithValue("@name", name);"""),
            new("Npgsql parameterized with a Guid in the text", Quiet, """var c = new NpgsqlCommand($"SELECT * FROM users WHERE tenant = '{key}' AND name = @name", pg); c.Parameters.AddWithValue("name", name);"""),
            new("IDbCommand with an enum and an int", Quiet, """icmd.CommandText = $"SELECT * FROM Users WHERE Status = {(int)order} AND Id > {id}";"""),
            new("DbBatchCommand with constant text", Quiet, """var batch = db.CreateBatch(); var bc = batch.CreateBatchCommand(); bc.CommandText = "DELETE FROM Users WHERE Id = " + id;"""),
            new("Built text overwritten in both branches before the sink", Quiet, """string q = "SELECT * FROM Users WHERE Name = '" + name + "'"; if (id > 0) q = "SELECT 1"; else q = "SELECT 2"; cmd.CommandText = q;"""),
            new("+= text replaced by constant text before the sink", Quiet, """var q = "SELECT * FROM Users"; q += " WHERE Name = '" + name + "'"; Console.WriteLine(q); q = "SELECT * FROM Users WHERE Name = @name"; cmd.CommandText = q;"""),
            new("Whole statement from a parameter", Quiet, """cmd.CommandText = name;"""),
            new("Whole statement from a loop variable", Quiet, """foreach (var statement in names) { cmd.CommandText = statement; cmd.ExecuteNonQuery(); }"""),
            new("Statements joined into a batch", Quiet, """cmd.CommandText = string.Join(";\n", names);"""),
            new("string.Empty and a type's name", Quiet, """cmd.CommandText = "SELECT * FROM " + typeof(User).Name + string.Empty;"""),
            new("Sqlite data adapter look-alike: no SQL in the connection", Quiet, """using var c = new SqliteConnection("Data Source=" + name);"""),
            new("Verbatim constant text over several lines", Quiet, """"
                cmd.CommandText = @"SELECT *
                    FROM Users
                    WHERE Id = 1";
                """"),
        };

        public static IEnumerable<object[]> Named(string rule) => Cases.Where(c => c.Rule == rule).Select(c => new object[] { c.Name });

        public static SqlCase Get(string name) => Cases.Single(c => c.Name == name);
    }
}
