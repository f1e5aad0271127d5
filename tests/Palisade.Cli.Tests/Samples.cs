namespace Palisade.Cli.Tests
{
    /// <summary>Source files and policies the scans run on. Secrets are assembled at run time so no scanner flags this repository.</summary>
    internal static class Samples
    {
        public static readonly string Password = "Tr0ub4dor" + "&3xyz!";

        public static readonly string ApiKey = "9f2c" + "4e1d8b7a6c5d4e3f2a1b0c9d8e7f6a5b";

        public const string GoodPolicy = """
            # Security Policy

            ## Supported Versions

            Only the latest release receives security fixes.

            ## Reporting a Vulnerability

            Email security@acme-widgets.io or use https://github.com/acme/widgets/security/advisories/new.
            We acknowledge every report within 3 working days.
            """;

        public const string Clean = """
            namespace Sample
            {
                public static class Greeter
                {
                    public static string Greet(string name) => "Hello, " + name;
                }
            }
            """;

        public static string Repository => """
            using System.Data.SqlClient;

            namespace Sample
            {
                public static class Orders
                {
                    public static void Load(SqlConnection connection, string customer)
                    {
                        var command = new SqlCommand("SELECT * FROM Orders WHERE Customer = '" + customer + "'", connection);
                        command.ExecuteReader();
                    }
                }
            }
            """;

        public static string Credentials => $$"""
            namespace Sample
            {
                public static class Settings
                {
                    private const string DatabasePassword = "{{Password}}";

                    public static string Connection() => "Server=db;User Id=app;Password=" + DatabasePassword;
                }
            }
            """;

        public static string AppSettings => $$"""
            {
              "Payments": {
                "ApiKey": "{{ApiKey}}"
              }
            }
            """;
    }
}
