namespace Palisade.Analyzers.Tests.Logging
{
    /// <summary>
    /// The shared test scaffold for the secrets-in-logs rules: one method whose parameters give each case a logger of
    /// every library, configuration, secrets, look-alikes and classified objects. A case is the method's body.
    /// </summary>
    internal static class LoggingTestSource
    {
        public static string Wrap(string body) => Prelude + "        " + body + "\n" + Epilogue;

        public const string Prelude = """
            using System;
            using System.Diagnostics;
            using System.Net;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Compliance.Redaction;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            public sealed class PiiAttribute : DataClassificationAttribute
            {
                public PiiAttribute() : base(new DataClassification("Test", "PII")) { }
            }

            [AttributeUsage(AttributeTargets.All)]
            public sealed class PersonalDataAttribute : Attribute { }

            public sealed class LoginRequest
            {
                public string UserName { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public sealed class Customer
            {
                public string Name { get; set; } = "";
                [PersonalData] public string Email { get; set; } = "";
                [Pii] public string TaxNumber { get; set; } = "";
                public int Id { get; set; }
            }

            public sealed class Order
            {
                public int Id { get; set; }
                public string Product { get; set; } = "";
                public string PasswordHash { get; set; } = "";
            }

            public record ApiClient(string Name, string ApiKey);

            public sealed class Settings
            {
                public string ConnectionString { get; set; } = "";
                public string Endpoint { get; set; } = "";
                public string TokenEndpoint { get; set; } = "";
            }

            /// <summary>What the .resx generator writes: fixed, translated messages read through a ResourceManager.</summary>
            internal sealed class Messages
            {
                private static System.Resources.ResourceManager? s_resourceManager;

                internal static System.Resources.ResourceManager ResourceManager =>
                    s_resourceManager ??= new System.Resources.ResourceManager("App.Messages", typeof(Messages).Assembly);

                internal static string InvalidPassword => ResourceManager.GetString("InvalidPassword") ?? "";

                internal static string PasswordTooShort => ResourceManager.GetString("PasswordTooShort") ?? "";

                internal static string ApiKeyMissing => ResourceManager.GetString("ApiKeyMissing") ?? "";
            }

            public static class ConfigKeys
            {
                public const string JwtSigningKey = "Jwt:SigningKey";
                public const string DbPassword = "Database:Password";
            }

            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "User {UserName} signed in")]
                public static partial void SignedIn(ILogger logger, string userName);
                public static partial void SignedIn(ILogger logger, string userName) { }

                [LoggerMessage(2, LogLevel.Information, "Token {Value} issued")]
                public static partial void TokenIssued(ILogger logger, string value);
                public static partial void TokenIssued(ILogger logger, string value) { }

                [LoggerMessage(3, LogLevel.Information, "Customer {Email} saved")]
                public static partial void CustomerSaved(ILogger logger, [Pii] string email);
                public static partial void CustomerSaved(ILogger logger, [Pii] string email) { }
            }

            public class Service
            {
                private readonly string _apiKey = Environment.GetEnvironmentVariable("X") ?? "";
                private readonly string _name = "";
                public string ClientSecret { get; set; } = "";

                private static string Mask(string value) => "***";
                private static string HashPassword(string value) => value.GetHashCode().ToString();
                private static string Describe(string value) => value;
                // Named like a default sanitizer but passes the text on: only the name makes it one.
                private static string Protect(string value) => value.Trim();

                public async Task Run(
                    ILogger logger, Serilog.ILogger slog, NLog.Logger nlog, log4net.ILog l4n,
                    IConfiguration config, Redactor redactor, HttpRequestMessage request, NetworkCredential credential,
                    string password, string apiKey, string accessToken, string connectionString, string authorization,
                    string userName, int userId, string passwordHash, string message,
                    LoginRequest login, Customer customer, Order order, ApiClient client, Settings settings)
                {
                    await Task.Yield();

            """;

        public const string Epilogue = """
                }
            }
            """;
    }
}
