namespace Palisade.Testing.Generator
{
    /// <summary>The shared domain every generated file builds on: entities, a DbContext and small interfaces.</summary>
    internal static class CoreTemplate
    {
        public static GeneratedFile Create() => new GeneratedFile("Core/Domain.cs", """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using Microsoft.EntityFrameworkCore;

            namespace Contoso.Core
            {
                public enum OrderStatus { Pending, Paid, Shipped, Cancelled, Refunded }

                public sealed class Customer
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public string Email { get; set; } = "";
                    public decimal Balance { get; set; }
                    public DateTime CreatedAt { get; set; }
                    public bool IsActive { get; set; }
                }

                public sealed class Order
                {
                    public int Id { get; set; }
                    public int CustomerId { get; set; }
                    public decimal Total { get; set; }
                    public OrderStatus Status { get; set; }
                    public DateTime PlacedAt { get; set; }
                }

                public sealed class Product
                {
                    public int Id { get; set; }
                    public string Sku { get; set; } = "";
                    public string Title { get; set; } = "";
                    public decimal Price { get; set; }
                    public int Stock { get; set; }
                }

                public sealed class UserAccount
                {
                    public int Id { get; set; }
                    public string UserName { get; set; } = "";
                    public string PasswordHash { get; set; } = "";
                    public string? ApiKey { get; set; }
                }

                public interface IClock
                {
                    DateTime UtcNow { get; }
                }

                public interface IAsyncOrderSource
                {
                    IAsyncEnumerable<Order> ReadAsync(int customerId, CancellationToken cancellationToken);
                }

                public sealed class ShopContext : DbContext
                {
                    public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }

                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Product> Products => Set<Product>();
                    public DbSet<UserAccount> Accounts => Set<UserAccount>();
                }
            }
            """);
    }
}
