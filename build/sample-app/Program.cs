using System;
using Microsoft.Extensions.Logging;

namespace SampleApp
{
    public static class Program
    {
        // A credential in source: everyone with the repository (or the binary) has it.
        private const string DatabasePassword = "Sup3r-S3cret-2024!";

        private static readonly string ConnectionString =
            "Server=db.internal;Database=shop;User Id=shop_app;Password=Sup3r-S3cret-2024!;Encrypt=true";

        public static void Main(string[] args)
        {
            using ILoggerFactory loggerFactory = LoggerFactory.Create(builder => { });
            ILogger logger = loggerFactory.CreateLogger("SampleApp");

            // The password goes to the log.
            logger.LogInformation("Connecting as shop_app with password {Password}", DatabasePassword);

            var orders = new OrderRepository(ConnectionString);
            string customer = args.Length > 0 ? args[0] : "alice";
            Console.WriteLine(orders.CountOrders(customer));
            Console.WriteLine(orders.FindOrderIds(customer).Count);
            Console.WriteLine(Checksum.Of(new byte[] { 1, 2, 3 }));
        }
    }
}
