using System.Collections.Generic;

namespace Palisade.Analyzers.Tests.Sql.FixCorpus
{
    /// <summary>One application-shaped file: a repository or service class as it is found in real code.</summary>
    public sealed record SqlFixCase(string Name, string Members);

    /// <summary>
    /// Labelled application-shaped SQL for measuring the SQL code fixes (<see cref="SqlFixRateTests"/>). Kept apart
    /// from the fix tests on purpose: nothing here was written to make a fix pass. Each case is a class body; every
    /// PAL1001/PAL1002 finding in it is a value-hole finding, and the rate counts how many get a fix that compiles and
    /// clears the finding. Some shapes have no sound fix yet and are kept in so the rate stays honest.
    /// </summary>
    public static class SqlFixCorpus
    {
        public static string Wrap(SqlFixCase fixCase) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Data;
            using System.Data.Common;
            using System.Linq;
            using System.Text;
            using Dapper;
            using Microsoft.Data.Sqlite;
            using Microsoft.EntityFrameworkCore;
            using MsSql = Microsoft.Data.SqlClient;

            namespace Shop
            {
                public class Order { public int Id { get; set; } public string Customer { get; set; } = ""; public string Status { get; set; } = ""; }
                public class ShopDb : DbContext { public DbSet<Order> Orders => Set<Order>(); }
                public record OrderFilter(string? Customer, string? Status, DateTime? From, int? MinTotal, string? Search);

                public class {{fixCase.Name}}
                {
            {{fixCase.Members}}
                }
            }
            """;

        public static IReadOnlyList<SqlFixCase> Cases { get; } = new[]
        {
            new SqlFixCase("OrderSearchRepository", """
                private readonly SqliteConnection _connection;
                public OrderSearchRepository(SqliteConnection connection) => _connection = connection;

                public List<Order> Find(OrderFilter filter, int page, int pageSize)
                {
                    var sql = new StringBuilder("SELECT Id, Customer, Status FROM Orders WHERE 1 = 1");
                    if (!string.IsNullOrEmpty(filter.Customer))
                    {
                        sql.Append(" AND Customer = '").Append(filter.Customer).Append("'");
                    }

                    if (filter.Status != null)
                        sql.AppendFormat(" AND Status = '{0}'", filter.Status);
                    if (filter.From != null)
                    {
                        sql.Append(" AND Created >= '").Append(filter.From.Value.ToString("yyyy-MM-dd")).Append("'");
                    }

                    sql.Append(" ORDER BY Id LIMIT ").Append(pageSize).Append(" OFFSET ").Append(page * pageSize);
                    using var command = _connection.CreateCommand();
                    command.CommandText = sql.ToString();
                    var orders = new List<Order>();
                    using var reader = command.ExecuteReader();
                    while (reader.Read()) orders.Add(new Order { Id = reader.GetInt32(0) });
                    return orders;
                }
                """),
            new SqlFixCase("CustomerDapperRepository", """
                private readonly IDbConnection _db;
                public CustomerDapperRepository(IDbConnection db) => _db = db;

                public IEnumerable<Order> ByCustomer(string customer) =>
                    _db.Query<Order>("SELECT * FROM Orders WHERE Customer = '" + customer + "' ORDER BY Id");

                public Order? ById(string orderNumber) =>
                    _db.QueryFirstOrDefault<Order>($"SELECT * FROM Orders WHERE Number = '{orderNumber}'");

                public int Cancel(string customer, string reason)
                {
                    return _db.Execute("UPDATE Orders SET Status = 'Cancelled', Reason = '" + reason + "' WHERE Customer = '" + customer + "'");
                }

                public IEnumerable<Order> Search(OrderFilter filter)
                {
                    var sql = "SELECT * FROM Orders WHERE 1 = 1";
                    if (filter.Customer != null)
                    {
                        sql += " AND Customer = '" + filter.Customer + "'";
                    }

                    if (filter.Search != null)
                    {
                        sql += " AND Notes LIKE '%" + filter.Search + "%'";
                    }

                    return _db.Query<Order>(sql);
                }
                """),
            new SqlFixCase("LegacyOrderDal", """
                private readonly string _connectionString = "Server=.;Database=Shop;Integrated Security=true";

                public DataTable Load(string status)
                {
                    using var connection = new MsSql.SqlConnection(_connectionString);
                    var adapter = new MsSql.SqlDataAdapter("SELECT * FROM Orders WHERE Status = '" + status + "'", connection);
                    var table = new DataTable();
                    adapter.Fill(table);
                    return table;
                }

                public int Archive(string customer, int year)
                {
                    using var connection = new MsSql.SqlConnection(_connectionString);
                    connection.Open();
                    using (var command = new MsSql.SqlCommand("UPDATE Orders SET Archived = 1 WHERE Customer = '" + customer + "' AND YEAR(Created) = " + year, connection))
                    {
                        return command.ExecuteNonQuery();
                    }
                }

                public object? Count(string customer)
                {
                    using var connection = new MsSql.SqlConnection(_connectionString);
                    var command = connection.CreateCommand();
                    command.CommandText = string.Format("SELECT COUNT(*) FROM Orders WHERE Customer = '{0}'", customer);
                    return command.ExecuteScalar();
                }
                """),
            new SqlFixCase("ProviderNeutralReports", """
                private readonly DbConnection _connection;
                public ProviderNeutralReports(DbConnection connection) => _connection = connection;

                public void Summaries(string region, string product)
                {
                    using IDbCommand totals = _connection.CreateCommand();
                    totals.CommandText = "SELECT SUM(Total) FROM Sales WHERE Region = '" + region + "'";
                    totals.ExecuteScalar();

                    using IDbCommand byProduct = _connection.CreateCommand();
                    byProduct.CommandText = "SELECT SUM(Total) FROM Sales WHERE Region = '" + region + "' AND Product = '" + product + "'";
                    byProduct.ExecuteScalar();
                }

                public void Audit(IDbCommand command, string user, string action)
                {
                    command.CommandText = $"INSERT INTO Audit (UserName, Action) VALUES ('{user}', '{action}')";
                    command.ExecuteNonQuery();
                }
                """),
            new SqlFixCase("EfOrderService", """
                private readonly ShopDb _db;
                public EfOrderService(ShopDb db) => _db = db;

                public List<Order> ForCustomer(string customer) =>
                    _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Customer = '" + customer + "'").ToList();

                public int Rename(string from, string to) =>
                    _db.Database.ExecuteSqlRaw($"UPDATE Orders SET Customer = '{to}' WHERE Customer = '{from}'");

                public int Close(string status) =>
                    _db.Database.ExecuteSqlRaw(string.Format("UPDATE Orders SET Closed = 1 WHERE Status = '{0}'", status));

                public List<Order> Search(string text) =>
                    _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Notes LIKE '%" + text + "%'").ToList();
                """),
            new SqlFixCase("ReportQueries", """"
                private readonly SqliteConnection _connection;
                public ReportQueries(SqliteConnection connection) => _connection = connection;

                public long Revenue(string region, DateTime from)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = $"""
                        SELECT SUM(Total)
                        FROM Sales
                        WHERE Region = '{region}'
                          AND Created >= '{from:yyyy-MM-dd}'
                        """;
                    return (long)(command.ExecuteScalar() ?? 0L);
                }

                public long Returns(string region)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = @"SELECT COUNT(*)
                        FROM Returns
                        WHERE Region = '" + region + @"'
                        AND Reason IS NOT NULL";
                    return (long)(command.ExecuteScalar() ?? 0L);
                }
                """"),
            new SqlFixCase("StatusBoard", """
                private readonly IDbConnection _db;
                public StatusBoard(IDbConnection db) => _db = db;

                public IEnumerable<Order> Board(string customer, bool openOnly, int kind)
                {
                    var sql = "SELECT * FROM Orders";
                    sql += " WHERE Customer = '" + (openOnly ? customer.Trim() : customer) + "'";
                    sql = sql + " AND Kind = '" + (kind switch { 1 => "retail", 2 => "wholesale", _ => customer }) + "'";
                    return _db.Query<Order>(sql);
                }

                public IEnumerable<Order> Latest(string customer)
                {
                    var where = " WHERE Customer = '" + customer + "'";
                    var sql = "SELECT * FROM Orders" + where + " ORDER BY Id DESC";
                    return _db.Query<Order>(sql);
                }
                """),
            new SqlFixCase("CatalogLookups", """
                private readonly MsSql.SqlConnection _sql;
                private readonly ShopDb _db;
                private readonly IDbConnection _reporting;
                public CatalogLookups(MsSql.SqlConnection sql, ShopDb db, IDbConnection reporting) => (_sql, _db, _reporting) = (sql, db, reporting);

                public int CountBySku(IReadOnlyCollection<string> skus)
                {
                    using var command = _sql.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM Products WHERE Sku IN ('{string.Join("', '", skus)}')";
                    return (int)command.ExecuteScalar()!;
                }

                public void ArchiveCustomers(string csv)
                {
                    var customers = csv.Split(',').Select(c => c.Trim()).ToList();
                    using var command = _reporting.CreateCommand();
                    command.CommandText = "UPDATE Orders SET Archived = 1 WHERE Customer IN ('" + string.Join("','", customers) + "')";
                    command.ExecuteNonQuery();
                }

                public List<Order> WithStatuses(List<string> statuses)
                {
                    var orders = _db.Orders
                        .FromSqlRaw("SELECT * FROM Orders WHERE Status IN ('" + string.Join("','", statuses) + "')")
                        .OrderBy(o => o.Id)
                        .ToList();
                    return orders;
                }

                public int PurgeCustomers(string[] customers) =>
                    _db.Database.ExecuteSqlRaw($"DELETE FROM Orders WHERE Customer IN ('{string.Join("','", customers)}')");

                public void StatusesForCustomers(string[] customers, string[] statuses)
                {
                    using var command = _sql.CreateCommand();
                    command.CommandText = "SELECT * FROM Orders WHERE Customer IN ('" + string.Join("','", customers) + "') AND Status IN ('" + string.Join("','", statuses) + "')";
                    command.ExecuteReader();
                }
                """),
            new SqlFixCase("KeywordSearch", """
                private readonly IDbConnection _db;
                public KeywordSearch(IDbConnection db) => _db = db;

                public IEnumerable<Order> Matching(IEnumerable<string> keywords, string? status)
                {
                    var sql = new StringBuilder("SELECT * FROM Orders WHERE (1 = 0");
                    foreach (var keyword in keywords)
                    {
                        sql.Append(" OR Notes LIKE '%").Append(keyword).Append("%'");
                    }

                    sql.Append(")");
                    if (status != null)
                    {
                        sql.Append(" AND Status = '").Append(status).Append("'");
                    }

                    return _db.Query<Order>(sql.ToString());
                }

                public IEnumerable<Order> ForCustomers(string[] customers)
                {
                    var where = "1 = 0";
                    for (var i = 0; i < customers.Length; i++)
                    {
                        where += " OR Customer = '" + customers[i] + "'";
                    }

                    return _db.Query<Order>("SELECT * FROM Orders WHERE " + where);
                }
                """),
            new SqlFixCase("TagQueries", """
                private readonly SqliteConnection _connection;
                public TagQueries(SqliteConnection connection) => _connection = connection;

                public void ByTags(string[] tags)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = "SELECT * FROM Orders WHERE Tag IN ('" + string.Join("','", tags) + "')";
                    command.ExecuteReader();
                }

                public void AnyTag(IEnumerable<string> tags)
                {
                    var sql = "SELECT * FROM Orders WHERE 1 = 0";
                    foreach (var tag in tags)
                    {
                        sql += " OR Tag = '" + tag + "'";
                    }

                    using var command = _connection.CreateCommand();
                    command.CommandText = sql;
                    command.ExecuteReader();
                }

                public void ByCustomer(string customer)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = CustomerQuery(customer);
                    command.ExecuteReader();
                }

                private static string CustomerQuery(string customer) => "SELECT * FROM Orders WHERE Customer = '" + customer + "'";
                """),
        };
    }
}
