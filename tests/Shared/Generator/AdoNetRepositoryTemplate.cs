namespace Palisade.Testing.Generator
{
    /// <summary>
    /// A repository on raw ADO.NET (SqlClient, Npgsql or Sqlite). Most queries are parameterized; a few build SQL
    /// from text the way real code does (concatenation, interpolation, an ORDER BY column).
    /// </summary>
    internal static class AdoNetRepositoryTemplate
    {
        private sealed class Provider
        {
            public Provider(string usingNamespace, string connection, string command, string parameterPrefix)
            {
                UsingNamespace = usingNamespace;
                Connection = connection;
                Command = command;
                ParameterPrefix = parameterPrefix;
            }

            public string UsingNamespace { get; }
            public string Connection { get; }
            public string Command { get; }
            public string ParameterPrefix { get; }
        }

        private static readonly Provider SqlServer = new Provider("Microsoft.Data.SqlClient", "SqlConnection", "SqlCommand", "@");
        private static readonly Provider Postgres = new Provider("Npgsql", "NpgsqlConnection", "NpgsqlCommand", "@");
        private static readonly Provider Sqlite = new Provider("Microsoft.Data.Sqlite", "SqliteConnection", "SqliteCommand", "$");

        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var p = f.Pick(SqlServer, SqlServer, Postgres, Sqlite);
            var type = $"{f.Noun}Repository{f.Suffix}";
            f.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Contoso.Core;
                using {{p.UsingNamespace}};

                namespace {{f.Namespace}}
                {
                    public sealed class {{type}}
                    {
                        private readonly string _connectionString;

                        public {{type}}(string connectionString) => _connectionString = connectionString;

                """);
            while (f.Lines < targetLines - 2)
            {
                // About one method in six builds SQL from text; the rest are the safe, parameterized majority.
                f.Member(f.Chance(16) ? UnsafeMethod(f, p) : SafeMethod(f, p));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Repository");
        }

        private static string SafeMethod(FileContext f, Provider p)
        {
            var n = f.NextMember();
            var pre = p.ParameterPrefix;
            switch (f.Random.Next(4))
            {
                case 0:
                    return $$"""
                        public Customer? FindById{{n}}(int id)
                        {
                            using var connection = new {{p.Connection}}(_connectionString);
                            using var command = new {{p.Command}}("SELECT Id, Name, Email FROM Customers WHERE Id = {{pre}}id", connection);
                            command.Parameters.AddWithValue("{{pre}}id", id);
                            connection.Open();
                            using var reader = command.ExecuteReader();
                            if (!reader.Read())
                            {
                                return null;
                            }

                            return new Customer { Id = reader.GetInt32(0), Name = reader.GetString(1), Email = reader.GetString(2) };
                        }
                        """;
                case 1:
                    return $$"""
                        public async Task<List<string>> SearchNames{{n}}Async(string fragment)
                        {
                            var names = new List<string>();
                            await using var connection = new {{p.Connection}}(_connectionString);
                            await connection.OpenAsync();
                            await using var command = connection.CreateCommand();
                            command.CommandText = "SELECT Name FROM Customers WHERE Name LIKE {{pre}}pattern ORDER BY Name";
                            command.Parameters.AddWithValue("{{pre}}pattern", "%" + fragment + "%");
                            await using var reader = await command.ExecuteReaderAsync();
                            while (await reader.ReadAsync())
                            {
                                names.Add(reader.GetString(0));
                            }

                            return names;
                        }
                        """;
                case 2:
                    return $$"""
                        public int Insert{{n}}(Order order)
                        {
                            const string sql = "INSERT INTO Orders (CustomerId, Total, Status) " +
                                               "VALUES ({{pre}}customer, {{pre}}total, {{pre}}status)";
                            using var connection = new {{p.Connection}}(_connectionString);
                            using var command = new {{p.Command}}(sql, connection);
                            command.Parameters.AddWithValue("{{pre}}customer", order.CustomerId);
                            command.Parameters.AddWithValue("{{pre}}total", order.Total);
                            command.Parameters.AddWithValue("{{pre}}status", (int)order.Status);
                            connection.Open();
                            return command.ExecuteNonQuery();
                        }
                        """;
                default:
                    return $$"""
                        public long Count{{n}}()
                        {
                            using var connection = new {{p.Connection}}(_connectionString);
                            connection.Open();
                            using var command = connection.CreateCommand();
                            command.CommandText = "SELECT COUNT(*) FROM Orders WHERE Status = " + (int)OrderStatus.Paid;
                            return Convert.ToInt64(command.ExecuteScalar());
                        }
                        """;
            }
        }

        private static string UnsafeMethod(FileContext f, Provider p)
        {
            var n = f.NextMember();
            switch (f.Random.Next(3))
            {
                case 0:
                    return $$"""
                        public int DeleteByName{{n}}(string name)
                        {
                            using var connection = new {{p.Connection}}(_connectionString);
                            using var command = new {{p.Command}}("DELETE FROM Customers WHERE Name = '" + name + "'", connection);
                            connection.Open();
                            return command.ExecuteNonQuery();
                        }
                        """;
                case 1:
                    return $$"""
                        public object? Lookup{{n}}(string email)
                        {
                            using var connection = new {{p.Connection}}(_connectionString);
                            connection.Open();
                            using var command = connection.CreateCommand();
                            command.CommandText = $"SELECT Id FROM Customers WHERE Email = '{email}'";
                            return command.ExecuteScalar();
                        }
                        """;
                default:
                    return $$"""
                        public List<int> Sorted{{n}}(string sortColumn)
                        {
                            var ids = new List<int>();
                            using var connection = new {{p.Connection}}(_connectionString);
                            connection.Open();
                            using var command = new {{p.Command}}("SELECT Id FROM Orders ORDER BY " + sortColumn, connection);
                            using var reader = command.ExecuteReader();
                            while (reader.Read())
                            {
                                ids.Add(reader.GetInt32(0));
                            }

                            return ids;
                        }
                        """;
            }
        }
    }
}
