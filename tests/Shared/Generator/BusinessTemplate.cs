namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Ordinary business code, the bulk of any real codebase: records, LINQ, async streams, switch expressions,
    /// string building that is not SQL. Rules must stay quiet (and cheap) here.
    /// </summary>
    internal static class BusinessTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var dto = $"{f.Noun}Summary{f.Suffix}";
            f.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Contoso.Core;

                namespace {{f.Namespace}}
                {
                    public sealed record {{dto}}(int Id, string Name, decimal Amount, DateTime When, OrderStatus Status);

                    public sealed class {{f.Noun}}Service{{f.Suffix}}
                    {
                        private readonly IClock _clock;

                        public {{f.Noun}}Service{{f.Suffix}}(IClock clock) => _clock = clock;

                """);
            while (f.Lines < targetLines - 2)
            {
                f.Member(NextMethod(f, dto));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Service");
        }

        /// <summary>One of several method shapes, filled with random constants so files differ.</summary>
        public static string NextMethod(FileContext f, string dto)
        {
            var n = f.NextMember();
            var k = f.Random.Next(5, 500);
            switch (f.Random.Next(8))
            {
                case 0:
                    return $$"""
                        public IReadOnlyList<{{dto}}> Top{{n}}(IEnumerable<Order> orders, int take)
                        {
                            return orders
                                .Where(o => o.Status != OrderStatus.Cancelled && o.Total > {{k}}m)
                                .GroupBy(o => o.CustomerId)
                                .Select(g => new {{dto}}(g.Key, "customer-" + g.Key, g.Sum(o => o.Total), g.Max(o => o.PlacedAt), g.First().Status))
                                .OrderByDescending(s => s.Amount)
                                .Take(take)
                                .ToList();
                        }
                        """;
                case 1:
                    return $$"""
                        public static string Describe{{n}}(OrderStatus status, decimal total) => (status, total) switch
                        {
                            (OrderStatus.Pending, > {{k}}m) => "large pending order",
                            (OrderStatus.Pending, _) => "pending",
                            (OrderStatus.Paid, _) => "paid",
                            (OrderStatus.Shipped, _) => "on its way",
                            (OrderStatus.Cancelled or OrderStatus.Refunded, _) => "closed",
                            _ => "unknown",
                        };
                        """;
                case 2:
                    return $$"""
                        public async Task<decimal> Total{{n}}Async(IAsyncOrderSource source, int customerId, CancellationToken cancellationToken)
                        {
                            decimal sum = 0;
                            await foreach (var order in source.ReadAsync(customerId, cancellationToken).ConfigureAwait(false))
                            {
                                if (order.Status is OrderStatus.Paid or OrderStatus.Shipped)
                                {
                                    sum += order.Total;
                                }
                            }

                            return Math.Round(sum * 1.{{k}}m, 2);
                        }
                        """;
                case 3:
                    return $$"""
                        public IReadOnlyList<string> Validate{{n}}(Customer customer)
                        {
                            var errors = new List<string>();
                            if (string.IsNullOrWhiteSpace(customer.Name)) errors.Add("Name is required.");
                            if (!customer.Email.Contains('@')) errors.Add($"Email '{customer.Email}' is not valid.");
                            if (customer.Balance < -{{k}}m) errors.Add("Balance below the allowed overdraft.");
                            if (customer.CreatedAt > _clock.UtcNow) errors.Add("Created in the future.");
                            return errors;
                        }
                        """;
                case 4:
                    return $$"""
                        public decimal Discount{{n}}(IReadOnlyList<Product> basket)
                        {
                            decimal discount = 0;
                            for (var i = 0; i < basket.Count; i++)
                            {
                                var product = basket[i];
                                discount += product.Price switch { > 100m => product.Price * 0.1m, > 20m => product.Price * 0.05m, _ => 0m };
                            }

                            return discount > {{k}}m ? {{k}}m : discount;
                        }
                        """;
                case 5:
                    return $$"""
                        public Dictionary<int, List<Order>> Index{{n}}(IEnumerable<Order> orders)
                        {
                            var index = new Dictionary<int, List<Order>>();
                            foreach (var order in orders.Where(o => o.Total >= {{k}}m))
                            {
                                if (!index.TryGetValue(order.CustomerId, out var list))
                                {
                                    list = new List<Order>();
                                    index[order.CustomerId] = list;
                                }

                                list.Add(order);
                            }

                            return index;
                        }
                        """;
                case 6:
                    return $$"""
                        public string Label{{n}}(Product product, int quantity)
                        {
                            var label = product.Title + " x" + quantity;
                            if (quantity > {{k}})
                            {
                                label += " (bulk)";
                            }

                            var builder = new StringBuilder();
                            builder.Append(product.Sku).Append(": ").Append(label);
                            return $"{builder} at {product.Price:C}";
                        }
                        """;
                default:
                    return $$"""
                        public async Task<IReadOnlyList<{{dto}}>> Recent{{n}}Async(IEnumerable<Order> orders, CancellationToken cancellationToken)
                        {
                            await Task.Yield();
                            cancellationToken.ThrowIfCancellationRequested();
                            var since = _clock.UtcNow.AddDays(-{{k}});
                            return orders
                                .Where(o => o.PlacedAt >= since)
                                .Select(o => new {{dto}}(o.Id, $"order {o.Id}", o.Total, o.PlacedAt, o.Status))
                                .ToArray();
                        }
                        """;
            }
        }
    }
}
