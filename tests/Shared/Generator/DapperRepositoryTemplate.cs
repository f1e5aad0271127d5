namespace Palisade.Testing.Generator
{
    /// <summary>A Dapper repository: parameter objects for the most part, and the odd query built from text.</summary>
    internal static class DapperRepositoryTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Noun}Queries{f.Suffix}";
            f.Append($$"""
                using System.Collections.Generic;
                using System.Data;
                using System.Linq;
                using System.Threading.Tasks;
                using Contoso.Core;
                using Dapper;

                namespace {{f.Namespace}}
                {
                    public sealed class {{type}}
                    {
                        private readonly IDbConnection _connection;

                        public {{type}}(IDbConnection connection) => _connection = connection;

                """);
            while (f.Lines < targetLines - 2)
            {
                f.Member(f.Chance(15) ? UnsafeMethod(f) : SafeMethod(f));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Queries");
        }

        private static string SafeMethod(FileContext f)
        {
            var n = f.NextMember();
            var k = f.Random.Next(1, 100);
            switch (f.Random.Next(3))
            {
                case 0:
                    return $$"""
                        public Customer? ById{{n}}(int id) =>
                            _connection.QueryFirstOrDefault<Customer>("SELECT * FROM Customers WHERE Id = @id", new { id });
                        """;
                case 1:
                    return $$"""
                        public async Task<IReadOnlyList<Order>> ForCustomer{{n}}Async(int customerId, OrderStatus status)
                        {
                            var rows = await _connection.QueryAsync<Order>(
                                "SELECT * FROM Orders WHERE CustomerId = @customerId AND Status = @status AND Total > {{k}}",
                                new { customerId, status = (int)status });
                            return rows.ToList();
                        }
                        """;
                default:
                    return $$"""
                        public Task<int> Rename{{n}}Async(int id, string name) =>
                            _connection.ExecuteAsync("UPDATE Products SET Title = @name WHERE Id = @id", new { id, name });
                        """;
            }
        }

        private static string UnsafeMethod(FileContext f)
        {
            var n = f.NextMember();
            return f.Random.Next(2) == 0
                ? $$"""
                    public IEnumerable<Product> BySku{{n}}(string sku) =>
                        _connection.Query<Product>("SELECT * FROM Products WHERE Sku = '" + sku + "'");
                    """
                : $$"""
                    public Task<int> Archive{{n}}Async(string table, int days) =>
                        _connection.ExecuteAsync($"DELETE FROM {table} WHERE PlacedAt < DATEADD(day, -{days}, GETDATE())");
                    """;
        }
    }
}
