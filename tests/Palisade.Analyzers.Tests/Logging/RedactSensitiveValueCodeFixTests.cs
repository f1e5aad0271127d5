using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Palisade.CodeFixes.Logging;
using Xunit;
using ExceptionFix = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Logging.SecretInExceptionMessageAnalyzer, Palisade.CodeFixes.Logging.RedactSensitiveValueCodeFix>;
using LogFix = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Logging.SecretWrittenToLogAnalyzer, Palisade.CodeFixes.Logging.RedactSensitiveValueCodeFix>;

namespace Palisade.Analyzers.Tests.Logging
{
    /// <summary>
    /// The two fixes for PAL3001/PAL3002. The verifier compiles the fixed code and re-runs the analyzer on it, so every
    /// case also proves the result builds and no longer leaks.
    /// </summary>
    public class RedactSensitiveValueCodeFixTests
    {
        private static DiagnosticResult LogLeak(int location) => new DiagnosticResult(DiagnosticIds.SecretWrittenToLog, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(location);

        private static DiagnosticResult ExceptionLeak(int location) => new DiagnosticResult(DiagnosticIds.SecretInExceptionMessage, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(location);

        public static readonly TheoryData<string, string> MaskCases = new TheoryData<string, string>
        {
            { """logger.LogInformation("Password is {Password}", {|#0:password|});""", """logger.LogInformation("Password is {Password}", "***");""" },
            { """logger.LogDebug($"Connecting with {|#0:{connectionString}|}");""", """logger.LogDebug($"Connecting with ***");""" },
            { """logger.LogTrace("Token: " + {|#0:accessToken|});""", """logger.LogTrace("Token: " + "***");""" },
            { """logger.LogCritical(string.Format("pwd {0}", {|#0:password|}));""", """logger.LogCritical(string.Format("pwd {0}", "***"));""" },
            { """slog.Information("Login {@Login}", {|#0:login|});""", """slog.Information("Login {@Login}", "***");""" },
            { """Console.WriteLine({|#0:password|});""", """Console.WriteLine("***");""" },
            { """Log.TokenIssued(logger, {|#0:accessToken|});""", """Log.TokenIssued(logger, "***");""" },
            { """slog.ForContext("ApiKey", {|#0:apiKey|}).Information("Calling");""", """slog.ForContext("ApiKey", "***").Information("Calling");""" },
            { """Debug.WriteIf(true, $"pwd {|#0:{password}|} used");""", """Debug.WriteIf(true, $"pwd *** used");""" },
            { """nlog.Info("Password {Password}", {|#0:password|});""", """nlog.Info("Password {Password}", "***");""" },
            { """logger.LogInformation(string.Concat("k=", {|#0:apiKey|}));""", """logger.LogInformation(string.Concat("k=", "***"));""" },
            { """logger.LogInformation("P {P}", {|#0:userName ?? password|});""", """logger.LogInformation("P {P}", "***");""" },
            {
                """var define = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Key {K}"); define(logger, {|#0:apiKey|}, null);""",
                """var define = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Key {K}"); define(logger, "***", null);"""
            },
            {
                """using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["Key"] = {|#0:apiKey|} })) { }""",
                """using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["Key"] = "***" })) { }"""
            },
            { """NLog.ILoggerExtensions.ForInfoEvent(nlog).Property("Password", {|#0:message|}).Log();""", """NLog.ILoggerExtensions.ForInfoEvent(nlog).Property("Password", "***").Log();""" },
            { """logger.LogInformation("Auth {A}", {|#0:request.Headers.GetValues("Authorization")|});""", """logger.LogInformation("Auth {A}", "***");""" },
        };

        public static readonly TheoryData<string, string> RemoveCases = new TheoryData<string, string>
        {
            { """logger.LogInformation("Login for {User} with password {Password}", userName, {|#0:password|});""", """logger.LogInformation("Login for {User} with password", userName);""" },
            { """logger.LogInformation("user={User} key={Key} done", userName, {|#0:apiKey|});""", """logger.LogInformation("user={User} done", userName);""" },
            { """logger.LogWarning("{User} {Key} {Id}", userName, {|#0:apiKey|}, userId);""", """logger.LogWarning("{User} {Id}", userName, userId);""" },
            { """l4n.WarnFormat("Token {0} for {1}", {|#0:accessToken|}, userName);""", """l4n.WarnFormat("Token for {0}", userName);""" },
            { """Console.WriteLine("Key {0}", {|#0:apiKey|});""", """Console.WriteLine("Key");""" },
            { """Console.Error.WriteLine($"Token {|#0:{accessToken}|} rejected");""", """Console.Error.WriteLine($"Token rejected");""" },
            { """nlog.Debug("Key " + {|#0:apiKey|});""", """nlog.Debug("Key ");""" },
            { """slog.Information("Password {Password}", {|#0:password|});""", """slog.Information("Password");""" },
            { """slog.Write(Serilog.Events.LogEventLevel.Debug, "Login {@Login} from {Ip}", {|#0:login|}, "10.0.0.1");""", """slog.Write(Serilog.Events.LogEventLevel.Debug, "Login from {Ip}", "10.0.0.1");""" },
            { """Trace.TraceError("Cs {0}, user {1}", {|#0:connectionString|}, userName);""", """Trace.TraceError("Cs, user {0}", userName);""" },
            { """using (logger.BeginScope("Key {Key}", {|#0:_apiKey|})) { }""", """using (logger.BeginScope("Key")) { }""" },
        };

        [Theory]
        [MemberData(nameof(MaskCases))]
        public async Task Mask_replaces_the_value_and_keeps_the_placeholder(string body, string fixedBody)
        {
            await LogFix.VerifyCodeFixAsync(LoggingTestSource.Wrap(body), new[] { LogLeak(0) }, LoggingTestSource.Wrap(fixedBody), RedactSensitiveValueCodeFix.MaskEquivalenceKey);
        }

        [Theory]
        [MemberData(nameof(RemoveCases))]
        public async Task Remove_takes_out_the_value_and_its_placeholder(string body, string fixedBody)
        {
            await LogFix.VerifyCodeFixAsync(LoggingTestSource.Wrap(body), new[] { LogLeak(0) }, LoggingTestSource.Wrap(fixedBody), RedactSensitiveValueCodeFix.RemoveEquivalenceKey);
        }

        [Fact]
        public async Task Exception_message_mask()
        {
            await ExceptionFix.VerifyCodeFixAsync(
                LoggingTestSource.Wrap("""throw new Exception("login failed for " + {|#0:password|});"""),
                new[] { ExceptionLeak(0) },
                LoggingTestSource.Wrap("""throw new Exception("login failed for " + "***");"""),
                RedactSensitiveValueCodeFix.MaskEquivalenceKey);
        }

        [Fact]
        public async Task Exception_message_remove_from_interpolation()
        {
            await ExceptionFix.VerifyCodeFixAsync(
                LoggingTestSource.Wrap("""throw new InvalidOperationException($"bad key {|#0:{apiKey}|}");"""),
                new[] { ExceptionLeak(0) },
                LoggingTestSource.Wrap("""throw new InvalidOperationException($"bad key");"""),
                RedactSensitiveValueCodeFix.RemoveEquivalenceKey);
        }

        [Fact]
        public async Task Message_built_elsewhere_gets_no_fix()
        {
            var source = LoggingTestSource.Wrap("""var text = "user " + password; logger.LogInformation({|#0:text|});""");
            await LogFix.VerifyCodeFixAsync(source, new[] { LogLeak(0) }, source);
        }

        [Fact]
        public async Task Remove_is_not_offered_when_the_template_already_disagrees_with_its_arguments()
        {
            var source = LoggingTestSource.Wrap("""logger.LogInformation("Key {Key}", userName, {|#0:apiKey|});""");
            await LogFix.VerifyCodeFixAsync(source, new[] { LogLeak(0) }, source, RedactSensitiveValueCodeFix.RemoveEquivalenceKey);
        }

        [Fact]
        public async Task Remove_is_not_offered_for_a_string_Format_argument()
        {
            var source = LoggingTestSource.Wrap("""logger.LogCritical(string.Format("pwd {0}", {|#0:password|}));""");
            await LogFix.VerifyCodeFixAsync(source, new[] { LogLeak(0) }, source, RedactSensitiveValueCodeFix.RemoveEquivalenceKey);
        }

        [Fact]
        public async Task Fix_all_masks_every_value_in_the_document()
        {
            var test = new LogFix.Test
            {
                TestCode = LoggingTestSource.Wrap("""
                    logger.LogInformation("{User} {Password} {Key}", userName, {|#0:password|}, {|#1:apiKey|});
                            Console.WriteLine($"Token {|#2:{accessToken}|}");
                    """),
                FixedCode = LoggingTestSource.Wrap("""
                    logger.LogInformation("{User} {Password} {Key}", userName, "***", "***");
                            Console.WriteLine($"Token ***");
                    """),
                CodeActionEquivalenceKey = RedactSensitiveValueCodeFix.MaskEquivalenceKey,
                NumberOfFixAllIterations = 1,
            };
            test.ExpectedDiagnostics.AddRange(new[] { LogLeak(0), LogLeak(1), LogLeak(2) });
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_all_removes_several_values_of_one_template_together()
        {
            var test = new LogFix.Test
            {
                TestCode = LoggingTestSource.Wrap("""
                    logger.LogInformation("{User} {Password} {Key}", userName, {|#0:password|}, {|#1:apiKey|});
                            l4n.InfoFormat("{0} {1} {2}", {|#2:accessToken|}, userName, {|#3:connectionString|});
                    """),
                FixedCode = LoggingTestSource.Wrap("""
                    logger.LogInformation("{User}", userName);
                            l4n.InfoFormat("{0}", userName);
                    """),
                CodeActionEquivalenceKey = RedactSensitiveValueCodeFix.RemoveEquivalenceKey,
                NumberOfFixAllIterations = 1,
            };
            test.ExpectedDiagnostics.AddRange(new[] { LogLeak(0), LogLeak(1), LogLeak(2), LogLeak(3) });
            await test.RunAsync();
        }
    
        [Fact]
        public async Task Remove_rewrites_a_verbatim_template_as_a_regular_literal()
        {
            await LogFix.VerifyCodeFixAsync(
                LoggingTestSource.Wrap("""logger.LogInformation(@"Key {Key} for {User}", {|#0:apiKey|}, userName);"""),
                new[] { LogLeak(0) },
                LoggingTestSource.Wrap("""logger.LogInformation("Key for {User}", userName);"""),
                RedactSensitiveValueCodeFix.RemoveEquivalenceKey);
        }

        [Fact]
        public async Task Fix_all_masks_every_exception_message_in_the_document()
        {
            var test = new ExceptionFix.Test
            {
                TestCode = LoggingTestSource.Wrap("""
                    var first = new Exception($"key {|#0:{apiKey}|} and token {|#1:{accessToken}|}");
                            throw new InvalidOperationException("pwd " + {|#2:password|});
                    """),
                FixedCode = LoggingTestSource.Wrap("""
                    var first = new Exception($"key *** and token ***");
                            throw new InvalidOperationException("pwd " + "***");
                    """),
                CodeActionEquivalenceKey = RedactSensitiveValueCodeFix.MaskEquivalenceKey,
                NumberOfFixAllIterations = 1,
            };
            test.ExpectedDiagnostics.AddRange(new[] { ExceptionLeak(0), ExceptionLeak(1), ExceptionLeak(2) });
            await test.RunAsync();
        }
    }
}
