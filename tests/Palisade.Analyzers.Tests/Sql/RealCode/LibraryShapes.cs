using System.Collections.Generic;

namespace Palisade.Analyzers.Tests.Sql.RealCode
{
    /// <summary>
    /// Library code that runs SQL its caller wrote: nothing is built here and nothing comes from a request, so every
    /// case must stay quiet. Written in the shapes of micro-ORMs, migration runners, query builders and providers.
    /// </summary>
    public static class LibraryShapes
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Data;
            using System.Data.Common;
            using System.IO;
            using System.Linq;
            using System.Text;
            using Dapper;
            using Microsoft.Data.Sqlite;

            """;

        public static readonly IReadOnlyList<RealCodeCase> Cases = new[]
        {
            new RealCodeCase("Data-access layer runs its caller's statement", "", Usings + """
                public sealed class Database
                {
                    private readonly DbConnection _connection;
                    public Database(DbConnection connection) => _connection = connection;
                    public int Execute(string sql, IDictionary<string, object>? parameters = null)
                    {
                        using var command = _connection.CreateCommand();
                        command.CommandText = sql;
                        if (parameters != null)
                        {
                            foreach (var pair in parameters)
                            {
                                var p = command.CreateParameter();
                                p.ParameterName = pair.Key;
                                p.Value = pair.Value;
                                command.Parameters.Add(p);
                            }
                        }

                        return command.ExecuteNonQuery();
                    }

                    public IEnumerable<T> Query<T>(string sql, object? args = null) => _connection.Query<T>(sql, args);
                }
                """),
            new RealCodeCase("Abstract statement supplied by a derived repository", "", Usings + """
                public abstract class ReportBase
                {
                    protected abstract string JournalEntriesSql { get; }
                    protected abstract string BuildSummarySql();
                    public void Run(DbCommand command)
                    {
                        command.CommandText = JournalEntriesSql;
                        command.ExecuteNonQuery();
                        command.CommandText = BuildSummarySql();
                        command.ExecuteNonQuery();
                        command.CommandText = string.Empty;
                    }
                }
                """),
            new RealCodeCase("Interface method returns the statement", "", Usings + """
                public interface IStatementSource { string Next(); }
                public sealed class Runner
                {
                    public void Run(IStatementSource source, IDbCommand command)
                    {
                        command.CommandText = source.Next();
                        command.ExecuteNonQuery();
                    }
                }
                """),
            new RealCodeCase("Migration runner executes script files", "", Usings + """
                public sealed class MigrationRunner
                {
                    public void Apply(SqliteConnection connection, string folder)
                    {
                        foreach (var path in Directory.GetFiles(folder, "*.sql").OrderBy(p => p))
                        {
                            var script = File.ReadAllText(path);
                            foreach (var statement in script.Split(new[] { "\nGO\n" }, StringSplitOptions.RemoveEmptyEntries))
                            {
                                using var command = connection.CreateCommand();
                                command.CommandText = statement;
                                command.ExecuteNonQuery();
                            }
                        }
                    }
                }
                """),
            new RealCodeCase("Query builder output object", "", Usings + """
                public sealed class SelectBuilder
                {
                    private readonly string _table;
                    private readonly List<string> _conditions = new();
                    public SelectBuilder(string table) => _table = table;
                    public SelectBuilder Where(string condition) { _conditions.Add(condition); return this; }
                    public string ToSql() => "SELECT * FROM " + _table + (_conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions));
                }

                public sealed class Reader
                {
                    public int Count(SqliteConnection connection, SelectBuilder query)
                    {
                        using var command = connection.CreateCommand();
                        command.CommandText = query.ToSql();
                        return Convert.ToInt32(command.ExecuteScalar());
                    }
                }
                """),
            new RealCodeCase("Provider command clone copies the text", "", Usings + """
                public static class CommandCloner
                {
                    public static SqliteCommand Clone(SqliteCommand original)
                    {
                        var copy = new SqliteCommand(original.CommandText, original.Connection);
                        copy.CommandText = original.CommandText;
                        copy.CommandTimeout = original.CommandTimeout;
                        return copy;
                    }
                }
                """),
            new RealCodeCase("Batch joined from complete statements", "", Usings + """
                public sealed class Batcher
                {
                    public void Flush(IDbCommand command, IReadOnlyList<IDbCommand> pending)
                    {
                        var text = new StringBuilder();
                        foreach (var item in pending)
                        {
                            text.Append(item.CommandText).Append(';').AppendLine();
                        }

                        command.CommandText = text.ToString();
                        command.ExecuteNonQuery();
                        command.CommandText = string.Join(";\n", pending.Select(p => p.CommandText));
                    }
                }
                """),
            new RealCodeCase("Adapter takes the select statement from its caller", "", Usings + """
                public sealed class TableLoader
                {
                    public DataTable Load(DbProviderFactory factory, DbConnection connection, string selectSql)
                    {
                        using var adapter = factory.CreateDataAdapter()!;
                        using var command = connection.CreateCommand();
                        command.CommandText = selectSql;
                        adapter.SelectCommand = command;
                        var table = new DataTable();
                        adapter.Fill(table);
                        return table;
                    }
                }
                """),
            new RealCodeCase("Forwarding constructor passes the text to its base", "", Usings + """
                public class StoredQuery
                {
                    private readonly SqliteCommand _command = new();
                    public StoredQuery(string sql) { _command.CommandText = sql; }
                }

                public sealed class CachedQuery : StoredQuery
                {
                    public CachedQuery(string sql) : base(sql) { }
                }
                """),
            new RealCodeCase("Private helper only inspects the text", "", Usings + """
                public sealed class Guard
                {
                    public void Run(SqliteCommand command, string sql)
                    {
                        if (!IsReadOnly(sql)) throw new InvalidOperationException("write statement");
                        command.CommandText = sql;
                        command.ExecuteNonQuery();
                    }

                    private static bool IsReadOnly(string sql) => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
                }
                """),
            new RealCodeCase("Identifiers from the code's own types", "", Usings + """
                public sealed class Inserter<T>
                {
                    private static readonly string Columns = string.Join(", ", typeof(T).GetProperties().Select(p => p.Name));
                    public void Insert(IDbCommand command)
                    {
                        command.CommandText = "INSERT INTO " + typeof(T).Name + " (" + Columns + ") VALUES (@p)";
                        command.CommandText = "SELECT " + nameof(Insert) + string.Empty;
                    }
                }
                """),
            new RealCodeCase("Numbers joined through a list", "", Usings + """
                public sealed class ByIds
                {
                    public void Delete(IDbCommand command, IEnumerable<int> ids)
                    {
                        var parts = new List<string>();
                        foreach (var id in ids) parts.Add(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        command.CommandText = "DELETE FROM Items WHERE Id IN (" + string.Join(",", parts) + ")";
                    }
                }
                """),
            new RealCodeCase("Local overwritten with constant text before the sink", "", Usings + """
                public sealed class Overwrite
                {
                    public void Run(IDbCommand command, string name)
                    {
                        var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
                        Console.WriteLine(sql);
                        sql = "SELECT * FROM Users WHERE Name = @name";
                        command.CommandText = sql;
                    }
                }
                """),
            new RealCodeCase("Resource string and error-code table", "", Usings + """
                public static class Statements
                {
                    public const string ListUsers = "SELECT * FROM Users";
                    public static readonly string CountUsers = "SELECT COUNT(*) FROM Users";
                    private static readonly Dictionary<int, string> ByCode = new() { [1] = "SELECT 1", [2] = "SELECT 2" };
                    public static void Run(IDbCommand command, int code)
                    {
                        command.CommandText = ListUsers + ";" + CountUsers;
                        command.CommandText = ByCode[code];
                    }
                }
                """),
        };
    }
}
