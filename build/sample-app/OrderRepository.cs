using System.Collections.Generic;
using System.Linq;
using Dapper;
using Microsoft.Data.SqlClient;

namespace SampleApp
{
    public sealed class OrderRepository
    {
        private readonly string connectionString;

        public OrderRepository(string connectionString)
        {
            this.connectionString = connectionString;
        }

        // SQL built by concatenation: customer = "x' OR '1'='1" reads every order.
        public int CountOrders(string customer)
        {
            using var connection = new SqlConnection(connectionString);
            using var command = new SqlCommand("SELECT COUNT(*) FROM Orders WHERE Customer = '" + customer + "'", connection);
            connection.Open();
            return (int)command.ExecuteScalar();
        }

        // The same mistake through Dapper, with interpolation.
        public List<int> FindOrderIds(string customer)
        {
            using var connection = new SqlConnection(connectionString);
            return connection.Query<int>($"SELECT Id FROM Orders WHERE Customer = '{customer}'").ToList();
        }

        // The safe way, for contrast: a parameter.
        public List<int> FindOrderIdsSafely(string customer)
        {
            using var connection = new SqlConnection(connectionString);
            return connection.Query<int>("SELECT Id FROM Orders WHERE Customer = @customer", new { customer }).ToList();
        }
    }
}
