using System.Text;

namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Settings classes. Most read secrets from IConfiguration; some hard-code a password, a connection string
    /// with a password, or a token. Token-shaped values are assembled at generation time so this repository's own
    /// source holds no secret-looking literal.
    /// </summary>
    internal static class ConfigurationTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var settings = $"{f.Area}Settings{f.Suffix}";
            f.Append($$"""
                using System;
                using Microsoft.Extensions.Configuration;

                namespace {{f.Namespace}}
                {
                    public sealed class {{settings}}
                    {
                        public string Host { get; set; } = "localhost";
                        public int Port { get; set; } = {{f.Random.Next(1000, 9000)}};
                        public string UserName { get; set; } = "";
                        public string Password { get; set; } = "";
                        public string ConnectionString { get; set; } = "";
                        public string? ApiToken { get; set; }
                        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds({{f.Random.Next(5, 120)}});
                    }

                    public static class {{settings}}Factory
                    {
                """);
            while (f.Lines < targetLines - 3)
            {
                f.Member(f.Chance(20) ? HardCoded(f, settings) : FromConfiguration(f, settings));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Area + "Settings");
        }

        private static string FromConfiguration(FileContext f, string settings)
        {
            var n = f.NextMember();
            var section = f.Pick("Smtp", "Database", "Payments", "Search", "Storage");
            return $$"""
                public static {{settings}} Read{{n}}(IConfiguration configuration)
                {
                    var section = configuration.GetSection("{{section}}");
                    return new {{settings}}
                    {
                        Host = section["Host"] ?? "localhost",
                        UserName = section["UserName"] ?? "",
                        Password = section["Password"] ?? throw new InvalidOperationException("{{section}}:Password is not configured."),
                        ConnectionString = configuration.GetConnectionString("{{section}}") ?? "",
                        ApiToken = Environment.GetEnvironmentVariable("{{section.ToUpperInvariant()}}_TOKEN"),
                    };
                }

                private const string {{section}}PasswordKey{{n}} = "{{section}}:Password";
                """;
        }

        private static string HardCoded(FileContext f, string settings)
        {
            var n = f.NextMember();
            return f.Random.Next(3) switch
            {
                0 => $$"""
                    public static {{settings}} Development{{n}}() => new {{settings}}
                    {
                        Host = "db.internal",
                        UserName = "app",
                        Password = "{{Word(f, 10)}}!{{f.Random.Next(10, 99)}}",
                    };
                    """,
                1 => $$"""
                    private const string LegacyConnectionString{{n}} =
                        "Server=db.internal;Database=shop;User Id=app;Password={{Word(f, 12)}};TrustServerCertificate=True";

                    public static {{settings}} Legacy{{n}}() => new {{settings}} { ConnectionString = LegacyConnectionString{{n}} };
                    """,
                _ => $$"""
                    private static readonly string ApiToken{{n}} = "{{TokenLike(f)}}";

                    public static {{settings}} WithToken{{n}}({{settings}} settings)
                    {
                        settings.ApiToken = ApiToken{{n}};
                        return settings;
                    }
                    """,
            };
        }

        private static string Word(FileContext f, int length)
        {
            const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[f.Random.Next(alphabet.Length)]);
            }

            return builder.ToString();
        }

        /// <summary>A value shaped like a GitHub personal access token (prefix + 36 characters), built at run time.</summary>
        private static string TokenLike(FileContext f) => string.Concat("gh", "p_", Word(f, 36));
    }
}
