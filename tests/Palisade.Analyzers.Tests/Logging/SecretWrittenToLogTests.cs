using System.Threading.Tasks;
using Palisade.Analyzers.Logging;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Logging.SecretWrittenToLogAnalyzer>;

namespace Palisade.Analyzers.Tests.Logging
{
    /// <summary>PAL3001 against the real Microsoft.Extensions.Logging, Serilog, NLog, log4net packages and the BCL sinks.</summary>
    public class SecretWrittenToLogTests
    {
        /// <summary>Each case is a method body; the value that leaks is marked {|#0:...|}.</summary>
        public static readonly TheoryData<string> FlaggedCases = new TheoryData<string>
        {
            // Microsoft.Extensions.Logging
            """logger.LogInformation("Password is {Password}", {|#0:password|});""",
            """logger.LogWarning("Key {Key}", {|#0:apiKey|});""",
            """logger.LogError(new Exception(), "Auth {Header}", {|#0:authorization|});""",
            """logger.LogDebug($"Connecting with {|#0:{connectionString}|}");""",
            """logger.LogTrace("Token: " + {|#0:accessToken|});""",
            """logger.LogCritical(string.Format("pwd {0}", {|#0:password|}));""",
            """logger.Log(LogLevel.Information, "Secret {S}", {|#0:ClientSecret|});""",
            """using (logger.BeginScope("Key {Key}", {|#0:_apiKey|})) { }""",
            """logger.LogInformation("Db {Cs}", {|#0:config.GetConnectionString("Main")|});""",
            """logger.LogInformation("Pwd {P}", {|#0:config["Db:Password"]|});""",
            """logger.LogInformation("Key {K}", {|#0:config.GetValue<string>("ApiKey")|});""",
            """logger.LogInformation("Pwd {P}", {|#0:config.GetSection("Db")["Password"]|});""",
            """logger.LogInformation("Secret {S}", {|#0:config.GetSection("ClientSecret").Value|});""",
            """logger.LogInformation("Cred {P}", {|#0:credential.Password|});""",
            """logger.LogInformation("Auth {A}", {|#0:request.Headers.Authorization|});""",
            """logger.LogInformation("Auth {A}", {|#0:request.Headers.Authorization?.Parameter|});""",
            """logger.LogInformation("Login {@Request}", {|#0:login|});""",
            """logger.LogInformation("Customer {Email}", {|#0:customer.Email|});""",
            """logger.LogInformation("Customer {Tax}", {|#0:customer.TaxNumber|});""",
            """logger.LogInformation("Customer {@Customer}", {|#0:customer|});""",
            """var text = "user " + password; logger.LogInformation({|#0:text|});""",
            """logger.LogInformation("P {P}", {|#0:password.Trim()|});""",
            """logger.LogInformation("P {P}", {|#0:password.ToString()|});""",
            """const string DbPassword = "hunter2-but-longer"; logger.LogInformation("P {P}", {|#0:DbPassword|});""",
            """logger.LogInformation($"Client {|#0:{client}|}");""",
            """logger.LogInformation("Client {C}", {|#0:new { userName, password }|});""",
            """Log.TokenIssued(logger, {|#0:accessToken|});""",
            """logger.LogInformation("Key {K}", {|#0:Environment.GetEnvironmentVariable("API_KEY")|});""",
            """logger.LogInformation("P {P}", {|#0:userName ?? password|});""",
            """logger.LogInformation("S {S}", {|#0:settings.ConnectionString|});""",
            """logger.LogInformation("Cred {@Credential}", {|#0:credential|});""",
            """logger.LogInformation("Described {D}", {|#0:Describe(password)|});""",
            """logger.LogInformation("Prefix {P}", {|#0:apiKey.Substring(0, 4)|});""",
            """logger.LogInformation("Body {B}", {|#0:System.Text.Json.JsonSerializer.Serialize(login)|});""",
            """var upper = password.ToUpperInvariant(); logger.LogInformation("P {P}", {|#0:upper|});""",
            """var headers = new System.Collections.Generic.Dictionary<string, string>(); logger.LogInformation("H {H}", {|#0:headers["Authorization"]|});""",
            """logger.LogInformation("K {K}", {|#0:userId > 0 ? apiKey : "none"|});""",
            """logger.LogInformation(string.Concat("k=", {|#0:apiKey|}));""",
            """var line = "key="; line += apiKey; logger.LogInformation({|#0:line|});""",
            """Microsoft.Extensions.Primitives.StringValues bearerToken = "x"; logger.LogInformation("A {A}", {|#0:bearerToken.ToString()|});""",
            """Microsoft.Extensions.Primitives.StringValues clientSecret = "x"; logger.LogInformation("S {S}", {|#0:clientSecret|});""",
            // Serilog
            """slog.Debug("{@Client}", {|#0:client|});""",
            """slog.Information("Password {Password}", {|#0:password|});""",
            """Serilog.Log.Warning("Key {Key}", {|#0:apiKey|});""",
            """slog.Error(new Exception(), "Token {T}", {|#0:accessToken|});""",
            """slog.Write(Serilog.Events.LogEventLevel.Debug, "Login {@Login}", {|#0:login|});""",
            """slog.ForContext("ApiKey", {|#0:apiKey|}).Information("Calling");""",
            """slog.Verbose($"pwd={|#0:{password}|}");""",
            """Serilog.Log.Fatal("A {A} B {B} C {C} D {D}", 1, 2, 3, {|#0:password|});""",
            // NLog
            """nlog.Info("Password {Password}", {|#0:password|});""",
            """nlog.Debug("Key " + {|#0:apiKey|});""",
            """nlog.Error(new Exception(), "Token {T}", {|#0:accessToken|});""",
            """nlog.Log(NLog.LogLevel.Warn, "Cs {Cs}", {|#0:connectionString|});""",
            """nlog.Trace({|#0:password|});""",
            """nlog.Warn("x {0}", {|#0:password|});""",
            """nlog.Info<string>("K {K}", {|#0:apiKey|});""",
            // log4net
            """l4n.Info({|#0:password|});""",
            """l4n.ErrorFormat("Key {0}", {|#0:apiKey|});""",
            """l4n.Debug("Auth: " + {|#0:authorization|});""",
            """l4n.WarnFormat("Token {0} for {1}", {|#0:accessToken|}, userName);""",
            // Console
            """Console.WriteLine({|#0:password|});""",
            """Console.WriteLine("Key {0}", {|#0:apiKey|});""",
            """Console.Write({|#0:password|});""",
            """Console.Error.WriteLine($"Token {|#0:{accessToken}|}");""",
            """Console.Out.Write("Cs: " + {|#0:connectionString|});""",
            """await Console.Out.WriteLineAsync({|#0:password|});""",
            // System.Diagnostics.Debug / Trace
            """Debug.WriteLine({|#0:password|});""",
            """Debug.WriteLine("Key {0}", {|#0:apiKey|});""",
            """Trace.TraceInformation("Token " + {|#0:accessToken|});""",
            """Trace.TraceError("Cs {0}", {|#0:connectionString|});""",
            """Debug.Assert(password.Length > 8, {|#0:password|});""",
            """Debug.WriteIf(true, $"pwd {|#0:{password}|}");""",
            """Trace.WriteLine({|#0:password|}, "auth");""",
            """Debug.Fail("bad " + {|#0:password|});""",
            """Debug.Print({|#0:apiKey|});""",
            // LoggerMessage.Define / DefineScope delegates
            """var define = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Key {K}"); define(logger, {|#0:apiKey|}, null);""",
            """var scope = LoggerMessage.DefineScope<string>("Key {K}"); using (scope(logger, {|#0:apiKey|})) { }""",
            // Dictionaries and key/value lists passed to BeginScope: by the value, or by the key that names it
            """using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["User"] = userName, ["Key"] = {|#0:apiKey|} })) { }""",
            """using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object?> { ["ApiKey"] = {|#0:message|} })) { }""",
            """using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, string> { { "Password", {|#0:message|} } })) { }""",
            """using (logger.BeginScope(new[] { new System.Collections.Generic.KeyValuePair<string, object>("Password", {|#0:message|}) })) { }""",
            // NLog's fluent API
            """NLog.ILoggerExtensions.ForInfoEvent(nlog).Message("Key {K}", {|#0:apiKey|}).Log();""",
            """NLog.ILoggerExtensions.ForInfoEvent(nlog).Property("Password", {|#0:message|}).Log();""",
            """NLog.ILoggerExtensions.ForErrorEvent(nlog).Message("User {U}", userName).Property("Key", {|#0:accessToken|}).Log();""",
            // Credential headers read by name
            """logger.LogInformation("Auth {A}", {|#0:request.Headers.GetValues("Authorization")|});""",
            """logger.LogInformation("Auth {A}", {|#0:string.Join(",", request.Headers.GetValues("Authorization"))|});""",
            """logger.LogInformation($"Auth {|#0:{string.Join(",", request.Headers.GetValues("Proxy-Authorization"))}|}");""",
            """var headers = request.Headers; logger.LogInformation("Key " + {|#0:System.Linq.Enumerable.First(headers.GetValues("X-Api-Key"))|});""",
        };

        public static readonly TheoryData<string> SafeCases = new TheoryData<string>
        {
            """logger.LogInformation("Password changed for {User}", userName);""",
            """logger.LogInformation("User {Id}", userId);""",
            """logger.LogInformation("Password length {Len}", password.Length);""",
            """logger.LogInformation("Has password {Has}", password is null);""",
            """logger.LogInformation("Empty {E}", string.IsNullOrEmpty(apiKey));""",
            """logger.LogInformation("Missing {E}", apiKey == null);""",
            """logger.LogInformation("Masked {P}", Mask(password));""",
            """logger.LogInformation("Hash {H}", HashPassword(password));""",
            """logger.LogInformation("Hash {H}", passwordHash);""",
            """logger.LogInformation("Redacted {P}", redactor.Redact(password));""",
            """logger.LogInformation("Order {@Order}", order);""",
            """logger.LogInformation("Customer {Name}", customer.Name);""",
            """logger.LogInformation("Customer {Id}", customer.Id);""",
            """logger.LogInformation($"Customer {customer}");""",
            """logger.LogInformation("Endpoint {E}", settings.TokenEndpoint);""",
            """logger.LogInformation("Value {V}", config["Logging:Level"]);""",
            """logger.LogInformation("Name {N}", nameof(password));""",
            """Log.SignedIn(logger, userName);""",
            """Log.CustomerSaved(logger, customer.Email);""",
            """logger.LogInformation("Equal {E}", password == "x");""",
            """logger.LogInformation("Message {M}", message);""",
            """logger.LogInformation("Credential for {User}", credential.UserName);""",
            """logger.LogError(new Exception(password), "failed");""",
            """logger.LogInformation("Key {K}", apiKey?.Length);""",
            """logger.LogInformation("Client {Name}", client.Name);""",
            """logger.LogInformation("Setting {S}", settings.Endpoint);""",
            """logger.LogInformation("Starts {S}", password.StartsWith("a"));""",
            """logger.LogInformation("User {U}", config["Auth:UserName"]);""",
            """logger.LogInformation("Scheme {T}", request.Headers.Authorization?.Scheme);""",
            """logger.LogInformation("Digest {D}", Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password))));""",
            """var text = "user " + userName; logger.LogInformation(text);""",
            """var shown = Mask(password); logger.LogInformation("P {P}", shown);""",
            """slog.Information("Login for {User}", login.UserName);""",
            """slog.ForContext("UserName", userName).Information("x");""",
            """slog.Information("{Count} passwords", 3);""",
            """nlog.Info("Count {C}", apiKey.Length);""",
            """nlog.Info("Api key {Name} configured", _name);""",
            """l4n.Info("Password reset requested");""",
            """l4n.InfoFormat("User {0} logged in", userName);""",
            """Console.WriteLine("Enter password:");""",
            """Console.WriteLine(password.Length);""",
            """Console.WriteLine($"Key length {apiKey.Length}");""",
            """var writer = new System.IO.StringWriter(); writer.WriteLine(password);""",
            """Debug.WriteLine("Token expired for " + userName);""",
            """Trace.TraceWarning("Key rotated at {0}", DateTime.UtcNow);""",
            """Debug.Assert(password != null, "password must be set");""",
            """var headers = new System.Collections.Generic.Dictionary<string, string>(); logger.LogInformation("H {H}", headers["Accept"]);""",
            """logger.LogInformation(string.Concat("user=", userName));""",
            """logger.LogInformation("Token valid {Valid}", accessToken.Length > 0 && accessToken.StartsWith("ey"));""",
            """slog.Information("{@Order}", order);""",
            """slog.Information("Login {$Login}", login);""",
            """Microsoft.Extensions.Primitives.StringValues accept = "json"; logger.LogInformation("Accept {A}", accept);""",
            """const string PasswordLabel = "Password"; logger.LogInformation(PasswordLabel);""",
            // A configuration key's name, and fixed resource messages, are not secrets
            """logger.LogInformation("Missing {Key}", "Jwt:SigningKey");""",
            """logger.LogInformation("Missing {Key}", ConfigKeys.JwtSigningKey);""",
            """const string JwtSigningKey = "Jwt:SigningKey"; logger.LogInformation("Missing {Key}", JwtSigningKey);""",
            """logger.LogInformation("Missing " + ConfigKeys.DbPassword);""",
            """logger.LogInformation($"Missing {ConfigKeys.DbPassword}");""",
            """logger.LogWarning(Messages.InvalidPassword);""",
            """logger.LogWarning("{Reason} for {User}", Messages.PasswordTooShort, userName);""",
            // Look-alikes of the new sinks and sources
            """var define = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "User {U}"); define(logger, userName, null);""",
            """Action<string> notALogger = _ => { }; notALogger(password.Length.ToString());""",
            """using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["User"] = userName, ["ApiKeyLength"] = apiKey.Length })) { }""",
            """using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["ApiKeyConfigured"] = apiKey != null, ["Endpoint"] = settings.Endpoint })) { }""",
            """NLog.ILoggerExtensions.ForInfoEvent(nlog).Message("User {U}", userName).Property("PasswordLength", password.Length).Log();""",
            """NLog.ILoggerExtensions.ForInfoEvent(nlog).Property("Password", "***").Log();""",
            """logger.LogInformation("Auth headers {N}", System.Linq.Enumerable.Count(request.Headers.GetValues("Authorization")));""",
            """logger.LogInformation("Accept {A}", request.Headers.GetValues("Accept"));""",
            """logger.LogInformation("Has auth {H}", request.Headers.Contains("Authorization"));""",
        };

        /// <summary>A PAL3001 result; the message arguments are checked in their own test.</summary>
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected => Verify.Diagnostic(DiagnosticIds.SecretWrittenToLog);

        [Theory]
        [MemberData(nameof(FlaggedCases))]
        public async Task Sensitive_value_reaching_a_log_is_flagged(string body)
        {
            await Verify.VerifyAnalyzerAsync(LoggingTestSource.Wrap(body), Expected.WithLocation(0));
        }

        [Theory]
        [MemberData(nameof(SafeCases))]
        public async Task Look_alike_that_logs_no_secret_is_not_flagged(string body)
        {
            await Verify.VerifyAnalyzerAsync(LoggingTestSource.Wrap(body));
        }

        [Fact]
        public async Task Message_names_the_sink_and_the_value()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""logger.LogInformation("Key {Key}", {|#0:apiKey|});"""),
                Verify.Diagnostic(Descriptors.SecretWrittenToLog).WithLocation(0).WithArguments("LoggerExtensions.LogInformation", "apiKey"));
        }

        [Fact]
        public async Task Configured_sanitizer_silences_its_methods()
        {
            var test = new Verify.Test { TestCode = LoggingTestSource.Wrap("""logger.LogInformation("Key {K}", Describe(apiKey));""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.logging.sanitizers = Describe"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Default_sanitizer_is_matched_by_its_whole_name()
        {
            await Verify.VerifyAnalyzerAsync(LoggingTestSource.Wrap("""logger.LogInformation("Key {K}", Protect(apiKey));"""));
        }

        [Fact]
        public async Task A_method_that_only_contains_a_sanitizer_name_is_not_one()
        {
            var test = new Verify.Test
            {
                TestCode = LoggingTestSource.Wrap("""logger.LogInformation("Key {K}", {|#0:Unprotect(apiKey)|});""").Replace(
                    "public async Task Run(", "private static string Unprotect(string value) => value.Trim();\n    public async Task Run("),
            };
            test.ExpectedDiagnostics.Add(Expected.WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task Option_in_an_editorconfig_section_reaches_the_logging_rules()
        {
            var test = new Verify.Test { TestCode = LoggingTestSource.Wrap("""logger.LogInformation("Id {Id}", {|#0:doorPinCode|});""").Replace("public async Task Run(", "private readonly string doorPinCode = System.Guid.NewGuid().ToString();\n    public async Task Run(") };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npalisade.secret_words = pin code"));
            test.ExpectedDiagnostics.Add(Expected.WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task Local_overwritten_before_it_is_logged_is_not_the_secret()
        {
            await Verify.VerifyAnalyzerAsync(LoggingTestSource.Wrap("""var shown = apiKey; shown = "(hidden)"; logger.LogInformation("Key {K}", shown);"""));
        }

        [Fact]
        public async Task Secret_chosen_by_a_switch_expression_is_found()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""var shown = userId switch { 0 => "none", _ => apiKey }; logger.LogInformation("Key {K}", {|#0:shown|});"""),
                Expected.WithLocation(0));
        }

        [Fact]
        public async Task Secret_inside_a_tuple_is_found()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""logger.LogInformation("Pair {P}", {|#0:(userId, apiKey)|});"""),
                Expected.WithLocation(0));
        }

        [Fact]
        public async Task Secret_passed_through_a_helper_that_builds_a_message_is_found()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""logger.LogInformation({|#0:Describe("key=" + apiKey)|});"""),
                Expected.WithLocation(0));
        }

        [Fact]
        public async Task Configured_sanitizer_list_replaces_the_default()
        {
            var test = new Verify.Test { TestCode = LoggingTestSource.Wrap("""logger.LogInformation("Key {K}", {|#0:Protect(apiKey)|});""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.logging.sanitizers = Describe"));
            test.ExpectedDiagnostics.Add(Expected.WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task Configured_sensitive_attribute_marks_members()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                [AttributeUsage(AttributeTargets.Property)]
                sealed class SecretStuffAttribute : Attribute { }

                class Patient { [SecretStuff] public string Diagnosis { get; set; } = ""; }

                class C
                {
                    void M(ILogger logger, Patient patient) => logger.LogInformation("D {D}", {|#0:patient.Diagnosis|});
                }
                """;
            var test = new Verify.Test { TestCode = source };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.logging.sensitive_attributes = SecretStuff"));
            test.ExpectedDiagnostics.Add(Expected.WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task Extra_secret_word_from_configuration_is_a_secret()
        {
            var test = new Verify.Test { TestCode = LoggingTestSource.Wrap("""logger.LogInformation("P {P}", {|#0:order.Product|});""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.secret_words = product"));
            test.ExpectedDiagnostics.Add(Expected.WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task Each_leaking_argument_is_reported()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""logger.LogInformation("{User} {Password} {Key}", userName, {|#0:password|}, {|#1:apiKey|});"""),
                Expected.WithLocation(0),
                Expected.WithLocation(1));
        }

        [Fact]
        public async Task One_call_writing_one_secret_several_times_is_reported_once()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""logger.LogInformation("{P} again {Q}", {|#0:password|}, {|#1:password|});"""),
                Expected.WithLocation(0).WithLocation(1));
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""logger.LogInformation($"P {|#0:{password}|} {|#1:{password.Trim()}|} {|#2:{apiKey}|}");"""),
                Expected.WithLocation(0).WithLocation(1),
                Expected.WithLocation(2));
        }

        [Fact]
        public async Task Two_calls_writing_the_same_secret_are_each_reported()
        {
            await Verify.VerifyAnalyzerAsync(
                LoggingTestSource.Wrap("""logger.LogInformation("{P}", {|#0:password|}); logger.LogDebug("{P}", {|#1:password|});"""),
                Expected.WithLocation(0),
                Expected.WithLocation(1));
        }

        [Fact]
        public async Task AspNetCore_Authorization_header_property_is_a_sensitive_source()
        {
            // ASP.NET Core is not a package of this test project: a stand-in with the same metadata names.
            const string source = """
                using Microsoft.Extensions.Logging;
                using Microsoft.Extensions.Primitives;

                namespace Microsoft.AspNetCore.Http
                {
                    public interface IHeaderDictionary
                    {
                        StringValues Authorization { get; }
                        StringValues Accept { get; }
                    }
                }

                class C
                {
                    void M(ILogger logger, Microsoft.AspNetCore.Http.IHeaderDictionary headers)
                    {
                        logger.LogInformation("Auth {A}", {|#0:headers.Authorization|});
                        logger.LogInformation("Auth {A}", {|#1:headers.Authorization.ToString()|});
                        logger.LogInformation("Accept {A}", headers.Accept);
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Expected.WithLocation(0), Expected.WithLocation(1));
        }

        [Fact]
        public async Task Broken_code_does_not_crash_the_analyzer()
        {
            var test = new Verify.Test
            {
                TestCode = LoggingTestSource.Wrap("""logger.LogInformation("P {P}", {|#0:Missing|}.Password);"""),
            };
            test.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0103").WithLocation(0).WithArguments("Missing"));
            await test.RunAsync();
        }
    }
}
