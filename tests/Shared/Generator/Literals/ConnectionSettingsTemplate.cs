namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Settings and connection-string builders. Most use integrated security, builders fed from configuration, or
    /// placeholders; a few hard-code a password, in one literal or split across concatenated literals.
    /// </summary>
    internal static class ConnectionSettingsTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Area}Connections{f.Suffix}";
            f.Append($$"""
                using System;
                using Microsoft.Data.SqlClient;
                using Npgsql;

                namespace {{f.Namespace}}
                {
                    public static class {{type}}
                    {
                """);
            while (f.Lines < targetLines - 2)
            {
                f.Member(Member(f));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Area + "Connections");
        }

        private static string Member(FileContext f)
        {
            var n = f.NextMember();
            var host = $"{f.Area.ToLowerInvariant()}-db{f.Random.Next(1, 9)}.internal";
            var hardCoded = f.Chance(6);
            return f.Random.Next(5) switch
            {
                0 => $$"""
                    public static string Sql{{n}}(string server) => new SqlConnectionStringBuilder
                    {
                        DataSource = server,
                        InitialCatalog = "{{f.Area}}",
                        IntegratedSecurity = true,
                        ApplicationName = "{{f.Area}}.Worker",
                        ConnectTimeout = {{f.Random.Next(5, 60)}},
                    }.ConnectionString;
                    """,
                1 => hardCoded
                    ? $$"""
                        private const string Legacy{{n}} = "Server={{host}};Database={{f.Area}};User Id=app;Password={{FakeSecretText.Password(f)}};Encrypt=True";
                        """
                    : $$"""
                        private const string Local{{n}} = "Server={{host}};Database={{f.Area}};Trusted_Connection=True;Encrypt=True;TrustServerCertificate=True";
                        """,
                2 => $$"""
                    public static string Postgres{{n}}(string user, string password) =>
                        $"Host={{host}};Port=5432;Database={{f.Area.ToLowerInvariant()}};Username={user};Password={password};Pooling=true";
                    """,
                3 => hardCoded
                    ? $$"""
                        private const string Split{{n}} = "Server={{host}};Database={{f.Area}};" +
                            "User Id=report;Password={{FakeSecretText.Password(f)}};";
                        """
                    : $$"""
                        private const string Split{{n}} = "Server={{host}};Database={{f.Area}};" +
                            "Integrated Security=SSPI;Application Name=Reports";
                        """,
                _ => $$"""
                    public static NpgsqlConnectionStringBuilder Builder{{n}}(string password) => new NpgsqlConnectionStringBuilder
                    {
                        Host = "{{host}}",
                        Database = "{{f.Area.ToLowerInvariant()}}",
                        Username = "svc_{{f.Area.ToLowerInvariant()}}",
                        Password = password,
                        SslMode = SslMode.Require,
                    };
                    """,
            };
        }
    }
}
