using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql.MoreApis
{
    /// <summary>
    /// SQL APIs beyond ADO.NET, Dapper and current EF Core: each is flagged when its text is built from input, and
    /// quiet for its parameterized look-alike. MySql.Data and Azure Cosmos are the real packages; the others use the
    /// stand-ins in <see cref="StandIns"/> because the registry here does not serve them.
    /// </summary>
    public class MoreSqlApisTests
    {
        private static readonly ImmutableArray<MetadataReference> Served = LoadServed();

        /// <summary>The default references without EF Core, for the stand-in of EF Core's older overloads.</summary>
        private static readonly ImmutableArray<MetadataReference> WithoutEfCore = TestReferences.All
            .Where(r => !Path.GetFileName(r.Display ?? string.Empty).StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .ToImmutableArray();

        [Theory]
        [InlineData("PAL1001", """var rows = db.Database.SqlQuery<string>({|#0:"SELECT Name FROM Users WHERE Name = '" + name + "'"|});""")]
        [InlineData("PAL1001", """db.Database.ExecuteSqlCommand({|#0:$"DELETE FROM Users WHERE Name = '{name}'"|});""")]
        [InlineData("PAL1001", """var rows = users.SqlQuery({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|});""")]
        [InlineData("", """var rows = db.Database.SqlQuery<string>("SELECT Name FROM Users WHERE Name = @p0", name);""")]
        [InlineData("", """var rows = users.SqlQuery(sql);""")]
        public Task Entity_Framework_6(string rule, string body) => VerifyAsync(rule, StandIns.Ef6, """
            public class User { }
            public class Case { public void Run(System.Data.Entity.DbContext db, System.Data.Entity.DbSet<User> users, string name, string sql) { BODY } }
            """, body, TestReferences.All);

        [Theory]
        [InlineData("PAL1001", """session.Execute({|#0:"SELECT * FROM users WHERE name = '" + name + "'"|});""")]
        [InlineData("PAL1001", """var s = new Cassandra.SimpleStatement({|#0:$"SELECT * FROM users WHERE name = '{name}'"|});""")]
        [InlineData("", """var s = new Cassandra.SimpleStatement("SELECT * FROM users WHERE name = ?", name); session.Execute(s);""")]
        [InlineData("", """session.Execute(cql);""")]
        public Task Cassandra_driver(string rule, string body) => VerifyAsync(rule, StandIns.Cassandra, """
            public class Case { public void Run(Cassandra.ISession session, string name, string cql) { BODY } }
            """, body, TestReferences.All);

        [Theory]
        [InlineData("PAL1001", """var q = session.CreateSQLQuery({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|});""")]
        [InlineData("", """var q = session.CreateSQLQuery("SELECT * FROM Users WHERE Name = :name");""")]
        public Task NHibernate_native_sql(string rule, string body) => VerifyAsync(rule, StandIns.NHibernate, """
            public class Case { public void Run(NHibernate.ISession session, string name) { BODY } }
            """, body, TestReferences.All);

        [Theory]
        [InlineData("PAL1001", """var rows = context.ExecuteQuery<string>({|#0:"SELECT Name FROM Users WHERE Name = '" + name + "'"|});""")]
        [InlineData("PAL1001", """context.ExecuteCommand({|#0:string.Format("DELETE FROM Users WHERE Name = '{0}'", name)|});""")]
        [InlineData("", """var rows = context.ExecuteQuery<string>("SELECT Name FROM Users WHERE Name = {0}", name);""")]
        public Task Linq_to_sql(string rule, string body) => VerifyAsync(rule, StandIns.LinqToSql, """
            public class Case { public void Run(System.Data.Linq.DataContext context, string name) { BODY } }
            """, body, TestReferences.All);

        [Theory]
        [InlineData("PAL1002", """var q = users.FromSql({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|});""")]
        [InlineData("PAL1002", """database.ExecuteSqlCommand({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});""")]
        [InlineData("", """var q = users.FromSql($"SELECT * FROM Users WHERE Name = {name}");""")]
        [InlineData("", """database.ExecuteSqlCommand($"DELETE FROM Users WHERE Name = {name}");""")]
        public Task Older_EF_Core_raw_sql_overloads(string rule, string body) => VerifyAsync(rule, StandIns.EfCoreLegacy, """
            using Microsoft.EntityFrameworkCore;
            public class User { }
            public class Case { public void Run(System.Linq.IQueryable<User> users, DatabaseFacade database, string name) { BODY } }
            """, body, WithoutEfCore);

        [Theory]
        [InlineData("PAL1001", """MySqlHelper.ExecuteNonQuery(connection, {|#0:"DELETE FROM users WHERE name = '" + name + "'"|});""")]
        [InlineData("PAL1001", """var script = new MySqlScript(connection, {|#0:"DELETE FROM users WHERE name = '" + name + "'"|});""")]
        [InlineData("PAL1001", """var script = new MySqlScript(connection); script.Query = {|#0:$"DROP TABLE t; DELETE FROM users WHERE name = '{name}'"|};""")]
        [InlineData("", """MySqlHelper.ExecuteNonQuery(connection, "DELETE FROM users WHERE name = @name", new MySqlParameter("@name", name));""")]
        [InlineData("", """var script = new MySqlScript(connection, File.ReadAllText("migrate.sql")); script.Execute();""")]
        public Task MySql_helper_and_script(string rule, string body) => VerifyAsync(rule, string.Empty, """
            using System.IO;
            using MySql.Data.MySqlClient;
            public class Case { public void Run(MySqlConnection connection, string name) { BODY } }
            """, body, TestReferences.All.AddRange(Served));

        [Theory]
        [InlineData("PAL1001", """var query = new QueryDefinition({|#0:"SELECT * FROM c WHERE c.name = '" + name + "'"|});""")]
        [InlineData("PAL1001", """var iterator = container.GetItemQueryIterator<object>({|#0:$"SELECT * FROM c WHERE c.name = '{name}'"|});""")]
        [InlineData("", """var query = new QueryDefinition("SELECT * FROM c WHERE c.name = @name").WithParameter("@name", name); var iterator = container.GetItemQueryIterator<object>(query);""")]
        [InlineData("", """var iterator = container.GetItemQueryIterator<object>("SELECT * FROM c");""")]
        public Task Azure_Cosmos(string rule, string body) => VerifyAsync(rule, string.Empty, """
            using Microsoft.Azure.Cosmos;
            public class Case { public void Run(Container container, string name) { BODY } }
            """, body, TestReferences.All.AddRange(Served));

        [Fact]
        public Task Configured_constructor_is_a_sink()
        {
            var test = Create("PAL1001", """
                namespace MyCo.Data { public sealed class SqlText { public SqlText(string sql) { } } }
                public class Case { public void Run(string name) { var q = new MyCo.Data.SqlText({|#0:"SELECT * FROM T WHERE N = '" + name + "'"|}); } }
                """, TestReferences.All);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.sql.additional_sinks = new MyCo.Data.SqlText\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Configured_sink_whose_parameter_converts_from_string()
        {
            var test = Create("PAL1001", """
                namespace MyCo.Data
                {
                    public readonly struct Sql { public static implicit operator Sql(string text) => default; }
                    public static class Db { public static int Run(Sql statement) => 0; }
                }
                public class Case { public void Run(string name) { MyCo.Data.Db.Run({|#0:"DELETE FROM T WHERE N = '" + name + "'"|}); MyCo.Data.Db.Run("DELETE FROM T"); } }
                """, TestReferences.All);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.sql.additional_sinks = MyCo.Data.Db.Run\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Configured_interface_method_covers_its_implementations()
        {
            var test = Create("PAL1001", """
                namespace MyCo.Data
                {
                    public interface IRunner { int Run(string sql); }
                    public sealed class Runner : IRunner { public int Run(string sql) => 0; }
                }
                public class Case { public void Run(MyCo.Data.Runner runner, string name) { runner.Run({|#0:"DELETE FROM T WHERE N = '" + name + "'"|}); } }
                """, TestReferences.All);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.sql.additional_sinks = MyCo.Data.IRunner.Run\n"));
            return test.RunAsync();
        }

        private static Task VerifyAsync(string rule, string standIn, string template, string body, ImmutableArray<MetadataReference> references)
        {
            var test = Create(rule, template.Replace("BODY", body), references);
            if (standIn.Length > 0)
            {
                test.TestState.Sources.Add(("StandIn.cs", standIn));
            }

            return test.RunAsync();
        }

        private static AnalyzerVerifier<SqlInjectionAnalyzer>.Test Create(string rule, string source, ImmutableArray<MetadataReference> references)
        {
            var test = new AnalyzerVerifier<SqlInjectionAnalyzer>.Test { TestCode = source };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(references);
            if (rule.Length > 0)
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult(rule, DiagnosticSeverity.Warning).WithLocation(0));
            }

            return test;
        }

        private static ImmutableArray<MetadataReference> LoadServed() =>
            new[] { "MySql.Data.dll", "Microsoft.Azure.Cosmos.Client.dll", "Newtonsoft.Json.dll" }
                .Select(name => Path.Combine(AppContext.BaseDirectory, name))
                .Where(File.Exists)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
    }
}
