using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Palisade.CodeFixes.Secrets;
using Xunit;
using Fix2001 = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Secrets.CredentialNamedValueAnalyzer, Palisade.CodeFixes.Secrets.HardCodedSecretCodeFix>;
using Fix2002 = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Secrets.KnownSecretFormatAnalyzer, Palisade.CodeFixes.Secrets.HardCodedSecretCodeFix>;
using Fix2003 = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Secrets.ConnectionStringCredentialAnalyzer, Palisade.CodeFixes.Secrets.HardCodedSecretCodeFix>;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// The verifier compiles every fixed source and re-runs the analyzer on it, so each test also proves the fix
    /// compiles and leaves nothing for the rule to report.
    /// </summary>
    public class HardCodedSecretCodeFixTests
    {
        private static DiagnosticResult Pal2001(int marker) => new DiagnosticResult(DiagnosticIds.CredentialInNamedSymbol, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(marker);

        [Fact]
        public Task Local_reads_the_environment_variable_named_after_it()
        {
            var source = """
                using System;
                class C
                {
                    void M()
                    {
                        var dbPassword = {|#0:"s3cr3t-Pa55"|};
                    }
                }
                """;
            var fixedSource = """
                using System;
                class C
                {
                    void M()
                    {
                        var dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("Set the DB_PASSWORD environment variable.");
                    }
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task A_secret_passed_to_a_constructor_is_named_after_the_field_that_keeps_the_object()
        {
            var source = """
                using System;
                using System.Net;
                class C
                {
                    private static readonly NetworkCredential Shipping = new NetworkCredential("svc", {|#0:"NetPass#2024"|});
                }
                """;
            var fixedSource = """
                using System;
                using System.Net;
                class C
                {
                    private static readonly NetworkCredential Shipping = new NetworkCredential("svc", Environment.GetEnvironmentVariable("SHIPPING_PASSWORD") ?? throw new InvalidOperationException("Set the SHIPPING_PASSWORD environment variable."));
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Const_field_becomes_static_readonly()
        {
            var source = """
                using System;
                class C
                {
                    private const string ApiKey = {|#0:"a8f5f167f44f4964e6c998dee827110c"|};
                    string Header() => ApiKey;
                }
                """;
            var fixedSource = """
                using System;
                class C
                {
                    private static readonly string ApiKey = Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("Set the API_KEY environment variable.");
                    string Header() => ApiKey;
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Const_local_becomes_a_plain_local()
        {
            var source = """
                using System;
                class C
                {
                    int M()
                    {
                        const string signingKey = {|#0:"sig-k3y-material"|};
                        return signingKey.Length;
                    }
                }
                """;
            var fixedSource = """
                using System;
                class C
                {
                    int M()
                    {
                        string signingKey = Environment.GetEnvironmentVariable("SIGNING_KEY") ?? throw new InvalidOperationException("Set the SIGNING_KEY environment variable.");
                        return signingKey.Length;
                    }
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Const_used_in_a_switch_case_or_attribute_gets_no_fix()
        {
            var source = """
                using System;
                class C
                {
                    private const string AdminPassword = {|#0:"adm1n!2024"|};

                    [Obsolete(AdminPassword)]
                    bool IsAdmin(string value)
                    {
                        switch (value)
                        {
                            case AdminPassword: return true;
                            default: return false;
                        }
                    }
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, source);
        }

        [Fact]
        public Task Default_parameter_value_gets_no_fix()
        {
            var source = """
                class C
                {
                    void Connect(string password = {|#0:"defaultPw1"|}) { }
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, source);
        }

        [Fact]
        public Task Configuration_field_in_scope_is_preferred()
        {
            var source = """
                using Microsoft.Extensions.Configuration;
                class Repository
                {
                    private readonly IConfiguration _configuration;
                    public Repository(IConfiguration configuration) => _configuration = configuration;

                    string Connect()
                    {
                        var smtpPassword = {|#0:"mailPw#77"|};
                        return smtpPassword;
                    }
                }
                """;
            var fixedSource = """
                using Microsoft.Extensions.Configuration;
                class Repository
                {
                    private readonly IConfiguration _configuration;
                    public Repository(IConfiguration configuration) => _configuration = configuration;

                    string Connect()
                    {
                        var smtpPassword = _configuration["SmtpPassword"] ?? throw new System.InvalidOperationException("Configuration value 'SmtpPassword' is missing.");
                        return smtpPassword;
                    }
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseConfigurationKey);
        }

        [Fact]
        public Task Configuration_parameter_is_used_in_a_static_method()
        {
            var source = """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Data.SqlClient;
                static class Db
                {
                    public static SqlConnectionStringBuilder Builder(IConfiguration config) =>
                        new SqlConnectionStringBuilder { DataSource = "db", Password = {|#0:"Sql!Pass123"|} };
                }
                """;
            var fixedSource = """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Data.SqlClient;
                static class Db
                {
                    public static SqlConnectionStringBuilder Builder(IConfiguration config) =>
                        new SqlConnectionStringBuilder { DataSource = "db", Password = config["Password"] ?? throw new System.InvalidOperationException("Configuration value 'Password' is missing.") };
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseConfigurationKey);
        }

        [Fact]
        public Task Instance_configuration_is_not_used_in_a_field_initializer()
        {
            var source = """
                using Microsoft.Extensions.Configuration;
                class Client
                {
                    private readonly IConfiguration _configuration = new ConfigurationManagerStub();
                    private readonly string _clientSecret = {|#0:"initSecret5"|};
                }

                class ConfigurationManagerStub : IConfiguration
                {
                    public string? this[string key] { get => null; set { } }
                    public System.Collections.Generic.IEnumerable<IConfigurationSection> GetChildren() => System.Array.Empty<IConfigurationSection>();
                    public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => null!;
                    public IConfigurationSection GetSection(string key) => null!;
                }
                """;
            var fixedSource = source.Replace(
                "{|#0:\"initSecret5\"|}",
                "System.Environment.GetEnvironmentVariable(\"CLIENT_SECRET\") ?? throw new System.InvalidOperationException(\"Set the CLIENT_SECRET environment variable.\")");
            // The type names come from their symbols, simplified to "System.Environment" (a qualified name where the
            // parser would build a member access): the text is the same, so only the text is compared here.
            var test = new Fix2001.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = HardCodedSecretCodeFix.UseEnvironmentVariableKey,
                CodeActionIndex = 0,
                CodeActionValidationMode = CodeActionValidationMode.None,
            };
            test.ExpectedDiagnostics.Add(Pal2001(0));
            return test.RunAsync();
        }

        [Fact]
        public Task Authorization_header_value_reads_a_variable_named_after_the_header()
        {
            var source = """
                using System;
                using System.Net.Http;
                class C
                {
                    void M(HttpClient client) => client.DefaultRequestHeaders.Add("Authorization", {|#0:"Basic dXNlcjpwYXNzd29yZA"|});
                }
                """;
            var fixedSource = """
                using System;
                using System.Net.Http;
                class C
                {
                    void M(HttpClient client) => client.DefaultRequestHeaders.Add("Authorization", Environment.GetEnvironmentVariable("AUTHORIZATION") ?? throw new InvalidOperationException("Set the AUTHORIZATION environment variable."));
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Hmac_key_inside_GetBytes_is_named_after_the_algorithm()
        {
            var source = """
                using System;
                using System.Security.Cryptography;
                using System.Text;
                class C
                {
                    HMAC M() => new HMACSHA256(Encoding.UTF8.GetBytes({|#0:"hmac-signing-material-2024"|}));
                }
                """;
            var fixedSource = """
                using System;
                using System.Security.Cryptography;
                using System.Text;
                class C
                {
                    HMAC M() => new HMACSHA256(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("HMACSHA256_KEY") ?? throw new InvalidOperationException("Set the HMACSHA256_KEY environment variable.")));
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Secret_named_property_getter_returns_the_lookup()
        {
            var source = """
                using System;
                class C
                {
                    public string Token => {|#0:"tok-7d9f0a1b2c"|};
                    string GetPassword() { return {|#1:"letmein42"|}; }
                }
                """;
            var fixedSource = """
                using System;
                class C
                {
                    public string Token => Environment.GetEnvironmentVariable("TOKEN") ?? throw new InvalidOperationException("Set the TOKEN environment variable.");
                    string GetPassword() { return Environment.GetEnvironmentVariable("PASSWORD") ?? throw new InvalidOperationException("Set the PASSWORD environment variable."); }
                }
                """;
            var test = new Fix2001.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = HardCodedSecretCodeFix.UseEnvironmentVariableKey };
            test.ExpectedDiagnostics.Add(Pal2001(0));
            test.ExpectedDiagnostics.Add(Pal2001(1));
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_replaces_every_secret_in_the_document()
        {
            var source = """
                using System;
                using System.Net;
                class C
                {
                    private const string DbPassword = {|#0:"s3cr3t-Pa55"|};
                    private string _privateKey = {|#1:"MIIEvQIBADANBgkqhkiG9w0B"|};
                    public string ClientSecret { get; set; } = {|#2:"Qm9vbTEyMzQ1Njc4OQ"|};
                    NetworkCredential M() => new NetworkCredential("svc", {|#3:"NetPass#2024"|});
                }
                """;
            var fixedSource = """
                using System;
                using System.Net;
                class C
                {
                    private static readonly string DbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("Set the DB_PASSWORD environment variable.");
                    private string _privateKey = Environment.GetEnvironmentVariable("PRIVATE_KEY") ?? throw new InvalidOperationException("Set the PRIVATE_KEY environment variable.");
                    public string ClientSecret { get; set; } = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? throw new InvalidOperationException("Set the CLIENT_SECRET environment variable.");
                    NetworkCredential M() => new NetworkCredential("svc", Environment.GetEnvironmentVariable("PASSWORD") ?? throw new InvalidOperationException("Set the PASSWORD environment variable."));
                }
                """;
            var test = new Fix2001.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                BatchFixedCode = fixedSource,
                CodeActionEquivalenceKey = HardCodedSecretCodeFix.UseEnvironmentVariableKey,
                NumberOfFixAllIterations = 1,
            };
            for (var i = 0; i < 4; i++)
            {
                test.ExpectedDiagnostics.Add(Pal2001(i));
            }

            return test.RunAsync();
        }

        [Fact]
        public Task Known_format_token_in_a_field_reads_a_variable_named_after_the_field()
        {
            var source = FakeSecrets.Expand("""
                using System;
                class C
                {
                    private static readonly string Owner = {|#0:"%%GITHUB%%"|};
                }
                """);
            var fixedSource = """
                using System;
                class C
                {
                    private static readonly string Owner = Environment.GetEnvironmentVariable("OWNER") ?? throw new InvalidOperationException("Set the OWNER environment variable.");
                }
                """;
            return Fix2002.VerifyCodeFixAsync(
                source, new[] { new DiagnosticResult(DiagnosticIds.KnownSecretFormat, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Known_format_token_passed_to_an_unnamed_parameter_uses_the_format_name()
        {
            var source = FakeSecrets.Expand("""
                using System;
                class C
                {
                    Uri M() => new Uri({|#0:"%%SLACK_HOOK%%"|});
                }
                """);
            var fixedSource = """
                using System;
                class C
                {
                    Uri M() => new Uri(Environment.GetEnvironmentVariable("SLACK_WEBHOOK_URL") ?? throw new InvalidOperationException("Set the SLACK_WEBHOOK_URL environment variable."));
                }
                """;
            return Fix2002.VerifyCodeFixAsync(
                source, new[] { new DiagnosticResult(DiagnosticIds.KnownSecretFormat, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Connection_string_with_password_reads_the_whole_connection_string()
        {
            var source = """
                using System;
                using Microsoft.Data.SqlClient;
                class C
                {
                    SqlConnection Open() => new SqlConnection({|#0:"Server=db;User Id=sa;Password=sa2019!"|});
                }
                """;
            var fixedSource = """
                using System;
                using Microsoft.Data.SqlClient;
                class C
                {
                    SqlConnection Open() => new SqlConnection(Environment.GetEnvironmentVariable("CONNECTION_STRING") ?? throw new InvalidOperationException("Set the CONNECTION_STRING environment variable."));
                }
                """;
            return Fix2003.VerifyCodeFixAsync(
                source, new[] { new DiagnosticResult(DiagnosticIds.CredentialInConnectionString, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Connection_string_split_across_literals_is_replaced_whole()
        {
            var source = """
                using System;
                using Microsoft.Data.SqlClient;
                class C
                {
                    SqlConnection Open() => new SqlConnection({|#0:"Server=db;Database=App;" + "User Id=sa;Password=sa2019!"|});
                }
                """;
            var fixedSource = """
                using System;
                using Microsoft.Data.SqlClient;
                class C
                {
                    SqlConnection Open() => new SqlConnection(Environment.GetEnvironmentVariable("CONNECTION_STRING") ?? throw new InvalidOperationException("Set the CONNECTION_STRING environment variable."));
                }
                """;
            return Fix2003.VerifyCodeFixAsync(
                source, new[] { new DiagnosticResult(DiagnosticIds.CredentialInConnectionString, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Anonymous_object_member_reads_a_variable_named_after_the_member()
        {
            var source = """
                using System;
                class C
                {
                    object M() => new { UserName = "app", Password = {|#0:"anonPass99"|} };
                }
                """;
            var fixedSource = """
                using System;
                class C
                {
                    object M() => new { UserName = "app", Password = Environment.GetEnvironmentVariable("PASSWORD") ?? throw new InvalidOperationException("Set the PASSWORD environment variable.") };
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0) }, fixedSource, HardCodedSecretCodeFix.UseEnvironmentVariableKey);
        }

        [Fact]
        public Task Part_of_a_conditional_gets_no_fix()
        {
            var source = """
                class C
                {
                    string GetPassword(bool production) => production ? {|#0:"prodPass!1"|} : {|#1:"devPass!1"|};
                }
                """;
            return Fix2001.VerifyCodeFixAsync(source, new[] { Pal2001(0), Pal2001(1) }, source);
        }
    }
}
