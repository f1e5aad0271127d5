using System.Threading.Tasks;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Logging.SecretInExceptionMessageAnalyzer>;

namespace Palisade.Analyzers.Tests.Logging
{
    /// <summary>PAL3002: sensitive values in the message of a new exception.</summary>
    public class SecretInExceptionMessageTests
    {
        public static readonly TheoryData<string> FlaggedCases = new TheoryData<string>
        {
            """throw new Exception("login failed for " + {|#0:password|});""",
            """throw new InvalidOperationException($"bad key {|#0:{apiKey}|}");""",
            """throw new ArgumentException(string.Format("token {0}", {|#0:accessToken|}), nameof(accessToken));""",
            """throw new ArgumentException({|#0:password|});""",
            """var e = new ApplicationException("Cs=" + {|#0:connectionString|});""",
            """throw new HttpRequestException("auth " + {|#0:request.Headers.Authorization|});""",
            """throw new System.Security.Authentication.AuthenticationException($"pwd {|#0:{password}|}");""",
            """throw new Exception("Key: " + {|#0:config["ApiKey"]|});""",
            """throw new System.Collections.Generic.KeyNotFoundException($"{|#0:{credential.Password}|}");""",
            """throw new Exception($"Client {|#0:{client}|}");""",
            """throw new ArgumentNullException(nameof(password), "value was " + {|#0:password|});""",
            """throw new Exception("x " + {|#0:ClientSecret|});""",
            """var detail = "secret=" + _apiKey; throw new Exception({|#0:detail|});""",
            """throw new Exception($"Customer {|#0:{customer.Email}|}");""",
            """throw new Exception(Messages.InvalidPassword + {|#0:password|});""",
            """const string Fallback = "s3cr3t-Fallback!"; string secret = Fallback; throw new Exception("bad " + {|#0:secret|});""",
        };

        public static readonly TheoryData<string> SafeCases = new TheoryData<string>
        {
            // Fixed messages read from a .resx resource class, and configuration key names
            """throw new Exception(Messages.InvalidPassword);""",
            """throw new ArgumentException(Messages.PasswordTooShort, nameof(password));""",
            """throw new Exception(Messages.InvalidPassword + " " + userName);""",
            """throw new Exception(string.Format(Messages.PasswordTooShort, 8));""",
            """throw new InvalidOperationException($"{Messages.ApiKeyMissing} ({ConfigKeys.JwtSigningKey})");""",
            """throw new Exception("Missing " + ConfigKeys.JwtSigningKey);""",
            """throw new Exception("Password is required");""",
            """throw new ArgumentNullException(nameof(password));""",
            """throw new ArgumentException("Invalid password", nameof(password));""",
            """throw new Exception($"Password too short: {password.Length}");""",
            """throw new Exception($"Login failed for {userName}");""",
            """throw new Exception("Hash " + HashPassword(password));""",
            """throw new InvalidOperationException($"Key {Mask(apiKey)}");""",
            """throw new Exception($"Customer {customer.Id}");""",
            """var ex = new Exception(message);""",
            """throw new Exception($"Order {order}");""",
            """throw new Exception($"Key missing: {string.IsNullOrEmpty(apiKey)}");""",
            """throw new Exception("Redacted " + redactor.Redact(password));""",
        };

        [Theory]
        [MemberData(nameof(FlaggedCases))]
        public async Task Sensitive_value_in_exception_message_is_flagged(string body)
        {
            await Verify.VerifyAnalyzerAsync(LoggingTestSource.Wrap(body), Verify.Diagnostic(DiagnosticIds.SecretInExceptionMessage).WithLocation(0));
        }

        [Theory]
        [MemberData(nameof(SafeCases))]
        public async Task Exception_message_without_secret_is_not_flagged(string body)
        {
            await Verify.VerifyAnalyzerAsync(LoggingTestSource.Wrap(body));
        }

        [Fact]
        public async Task Message_names_the_exception_type_and_the_value()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""throw new InvalidOperationException("bad " + {|#0:apiKey|});"""),
                Verify.Diagnostic(Descriptors.SecretInExceptionMessage).WithLocation(0).WithArguments("InvalidOperationException", "apiKey"));
        }

        [Fact]
        public async Task Custom_exception_type_is_a_sink()
        {
            const string source = """
                using System;

                sealed class LoginFailedException : Exception
                {
                    public LoginFailedException(string message) : base(message) { }
                }

                class C
                {
                    void M(string password) => throw new LoginFailedException("bad " + {|#0:password|});
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.SecretInExceptionMessage).WithLocation(0));
        }

        [Fact]
        public async Task A_string_parameter_that_is_not_the_message_is_not_a_sink()
        {
            const string source = """
                using System;

                sealed class LoginFailedException : Exception
                {
                    public LoginFailedException(string user, string password) : base("login failed for " + user) { }
                }

                class C
                {
                    void M(string user, string password) => throw new LoginFailedException(user, password);
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }
    
        [Fact]
        public async Task Broken_code_does_not_crash_the_analyzer()
        {
            var test = new Verify.Test { TestCode = LoggingTestSource.Wrap("""throw new {|#0:MissingException|}("bad " + password);""") };
            test.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("MissingException"));
            await test.RunAsync();
        }
    }
}
