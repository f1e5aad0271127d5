namespace Palisade.Analyzers.Tests.Sql.MoreApis
{
    /// <summary>
    /// Small stand-ins, with the real metadata names and parameter names, for the SQL libraries that the package
    /// registry here does not serve: EF6 (EntityFramework), Cassandra (CassandraCSharpDriver), NHibernate, LINQ to
    /// SQL (System.Data.Linq, .NET Framework only) and EF Core 2.x/3.x's older raw-SQL overloads. MySql.Data and
    /// Azure Cosmos are served, and their tests use the real assemblies.
    /// </summary>
    internal static class StandIns
    {
        public const string Ef6 = """
            namespace System.Data.Entity
            {
                public class Database
                {
                    public System.Collections.Generic.IEnumerable<T> SqlQuery<T>(string sql, params object[] parameters) => null!;
                    public int ExecuteSqlCommand(string sql, params object[] parameters) => 0;
                    public System.Threading.Tasks.Task<int> ExecuteSqlCommandAsync(string sql, params object[] parameters) => null!;
                }

                public class DbSet<TEntity> where TEntity : class
                {
                    public System.Collections.Generic.IEnumerable<TEntity> SqlQuery(string sql, params object[] parameters) => null!;
                }

                public class DbContext { public Database Database { get; } = new Database(); }
            }
            """;

        public const string Cassandra = """
            namespace Cassandra
            {
                public interface IStatement { }
                public class RowSet { }
                public class SimpleStatement : IStatement { public SimpleStatement(string query, params object[] values) { } }
                public interface ISession
                {
                    RowSet Execute(string cqlQuery);
                    RowSet Execute(IStatement statement);
                    System.Threading.Tasks.Task<RowSet> ExecuteAsync(IStatement statement);
                }
            }
            """;

        public const string NHibernate = """
            namespace NHibernate
            {
                public interface ISQLQuery { }
                public interface ISession { ISQLQuery CreateSQLQuery(string queryString); }
            }
            """;

        public const string LinqToSql = """
            namespace System.Data.Linq
            {
                public class DataContext
                {
                    public System.Collections.Generic.IEnumerable<TResult> ExecuteQuery<TResult>(string query, params object[] parameters) => null!;
                    public int ExecuteCommand(string command, params object[] parameters) => 0;
                }
            }
            """;

        public const string EfCoreLegacy = """
            namespace Microsoft.EntityFrameworkCore
            {
                public readonly struct RawSqlString
                {
                    public RawSqlString(string s) => Format = s;
                    public string Format { get; }
                    public static implicit operator RawSqlString(string s) => new RawSqlString(s);
                    public static implicit operator RawSqlString(System.FormattableString f) => new RawSqlString(f.Format);
                }

                public class DatabaseFacade { }

                public static class RelationalQueryableExtensions
                {
                    public static System.Linq.IQueryable<T> FromSql<T>(this System.Linq.IQueryable<T> source, RawSqlString sql, params object[] parameters) => source;
                    public static System.Linq.IQueryable<T> FromSql<T>(this System.Linq.IQueryable<T> source, System.FormattableString sql) => source;
                    public static System.Linq.IQueryable<T> FromSqlInterpolated<T>(this System.Linq.IQueryable<T> source, System.FormattableString sql) => source;
                }

                public static class RelationalDatabaseFacadeExtensions
                {
                    public static int ExecuteSqlCommand(this DatabaseFacade database, RawSqlString sql, params object[] parameters) => 0;
                    public static int ExecuteSqlCommand(this DatabaseFacade database, System.FormattableString sql) => 0;
                    public static int ExecuteSqlInterpolated(this DatabaseFacade database, System.FormattableString sql) => 0;
                }
            }
            """;
    }
}
