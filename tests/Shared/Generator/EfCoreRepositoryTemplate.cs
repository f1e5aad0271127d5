namespace Palisade.Testing.Generator
{
    /// <summary>EF Core data access: LINQ for the most part, FromSql/FromSqlInterpolated (safe) and FromSqlRaw/ExecuteSqlRaw.</summary>
    internal static class EfCoreRepositoryTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Noun}Store{f.Suffix}";
            f.Append($$"""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Contoso.Core;
                using Microsoft.EntityFrameworkCore;

                namespace {{f.Namespace}}
                {
                    public sealed class {{type}}
                    {
                        private readonly ShopContext _db;

                        public {{type}}(ShopContext db) => _db = db;

                """);
            while (f.Lines < targetLines - 2)
            {
                f.Member(f.Chance(15) ? UnsafeMethod(f) : SafeMethod(f));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Store");
        }

        private static string SafeMethod(FileContext f)
        {
            var n = f.NextMember();
            var k = f.Random.Next(1, 1000);
            switch (f.Random.Next(4))
            {
                case 0:
                    return $$"""
                        public Task<List<Order>> Large{{n}}Async(int customerId) =>
                            _db.Orders.Where(o => o.CustomerId == customerId && o.Total > {{k}}m).OrderBy(o => o.PlacedAt).ToListAsync();
                        """;
                case 1:
                    return $$"""
                        public List<Customer> ByEmail{{n}}(string email) =>
                            _db.Customers.FromSql($"SELECT * FROM Customers WHERE Email = {email}").ToList();
                        """;
                case 2:
                    return $$"""
                        public Task<int> Deactivate{{n}}Async(int id) =>
                            _db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Customers SET IsActive = 0 WHERE Id = {id}");
                        """;
                default:
                    return $$"""
                        public async Task<int> Restock{{n}}Async(string sku, int quantity)
                        {
                            var product = await _db.Products.FirstOrDefaultAsync(p => p.Sku == sku);
                            if (product is null)
                            {
                                return 0;
                            }

                            product.Stock += quantity;
                            return await _db.SaveChangesAsync();
                        }
                        """;
            }
        }

        private static string UnsafeMethod(FileContext f)
        {
            var n = f.NextMember();
            return f.Random.Next(2) == 0
                ? $$"""
                    public List<Product> Search{{n}}(string title) =>
                        _db.Products.FromSqlRaw("SELECT * FROM Products WHERE Title LIKE '%" + title + "%'").ToList();
                    """
                : $$"""
                    public int Purge{{n}}(string status) =>
                        _db.Database.ExecuteSqlRaw($"DELETE FROM Orders WHERE Status = '{status}'");
                    """;
        }
    }
}
