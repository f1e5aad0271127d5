using System.Threading.Tasks;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Logging.SensitiveLoggerMessageParameterAnalyzer>;

namespace Palisade.Analyzers.Tests.Logging
{
    /// <summary>
    /// PAL3003: [LoggerMessage] declarations whose template logs a sensitive parameter. The generator does not run in
    /// test compilations, so each case writes the implementing part of the partial method itself.
    /// </summary>
    public class SensitiveLoggerMessageParameterTests
    {
        internal static string Declare(string attribute, string parameters) => $$"""
            using System;
            using Microsoft.Extensions.Compliance.Classification;
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

            public static partial class Log
            {
                {{attribute}}
                public static partial void Write(ILogger logger, {{parameters}});
                public static partial void Write(ILogger logger, {{Implementation(parameters)}}) { }
            }
            """;

        /// <summary>The implementing part repeats the parameters without markup or attributes (they belong to one part only).</summary>
        private static string Implementation(string parameters) =>
            System.Text.RegularExpressions.Regex.Replace(parameters.Replace("{|#0:", "").Replace("|}", ""), @"\[[^\]]*\]\s*", "");

        public static readonly TheoryData<string, string> FlaggedCases = new TheoryData<string, string>
        {
            { """[LoggerMessage(1, LogLevel.Information, "Password {password}")]""", "string {|#0:password|}" },
            { """[LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Key {ApiKey} used")]""", "string {|#0:apiKey|}" },
            { """[LoggerMessage(3, LogLevel.Information, "Login {@Login}")]""", "LoginRequest {|#0:login|}" },
            { """[LoggerMessage(4, LogLevel.Information, "Mail {Email}")]""", "[PersonalData] string {|#0:email|}" },
            { """[LoggerMessage(5, LogLevel.Debug, "Using {connectionString}")]""", "string {|#0:connectionString|}" },
            { """[LoggerMessage(6, LogLevel.Information, "User {User} token {AccessToken}")]""", "string user, string {|#0:accessToken|}" },
            { """[LoggerMessage(LogLevel.Information, "Auth {Authorization}")]""", "string {|#0:authorization|}" },
        };

        public static readonly TheoryData<string, string> SafeCases = new TheoryData<string, string>
        {
            { """[LoggerMessage(1, LogLevel.Information, "User {UserName} signed in")]""", "string userName" },
            { """[LoggerMessage(2, LogLevel.Information, "Mail {Email}")]""", "[Pii] string email" },
            { """[LoggerMessage(3, LogLevel.Information, "Password length {PasswordLength}")]""", "int passwordLength" },
            { """[LoggerMessage(4, LogLevel.Information, "Hash {PasswordHash}")]""", "string passwordHash" },
            { """[LoggerMessage(5, LogLevel.Information, "Password changed for {User}")]""", "string user" },
            { """[LoggerMessage(6, LogLevel.Error, "Login failed")]""", "Exception exception" },
            { """[LoggerMessage(7, LogLevel.Information, "Has key {HasApiKey}")]""", "bool hasApiKey" },
        };

        [Theory]
        [MemberData(nameof(FlaggedCases))]
        public async Task Template_logging_a_sensitive_parameter_is_flagged(string attribute, string parameters)
        {
            await Verify.VerifyAnalyzerAsync(Declare(attribute, parameters), Verify.Diagnostic(DiagnosticIds.SensitiveLoggerMessageParameter).WithLocation(0));
        }

        [Theory]
        [MemberData(nameof(SafeCases))]
        public async Task Parameter_that_is_not_sensitive_or_is_redacted_is_not_flagged(string attribute, string parameters)
        {
            await Verify.VerifyAnalyzerAsync(Declare(attribute, parameters));
        }

        [Fact]
        public async Task Message_names_the_method_and_the_parameter()
        {
            await Verify.VerifyAnalyzerAsync(
                Declare("""[LoggerMessage(1, LogLevel.Information, "Password {Password}")]""", "string {|#0:password|}"),
                Verify.Diagnostic(Descriptors.SensitiveLoggerMessageParameter).WithLocation(0).WithArguments("Write", "password"));
        }

        [Fact]
        public async Task Method_without_LoggerMessage_is_not_a_declaration_to_check()
        {
            const string source = """
                using Microsoft.Extensions.Logging;

                static class Log
                {
                    public static void Write(ILogger logger, string password) { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }
    }
}
