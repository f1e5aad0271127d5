namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Services that log through Microsoft.Extensions.Logging, Serilog, NLog or log4net. Most calls log harmless
    /// values (ids, counts, user names); a few log a password, token or connection string.
    /// </summary>
    internal static class LoggingServiceTemplate
    {
        private enum Library { MicrosoftExtensions, Serilog, NLog, Log4Net }

        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var library = f.Pick(Library.MicrosoftExtensions, Library.MicrosoftExtensions, Library.MicrosoftExtensions, Library.Serilog, Library.NLog, Library.Log4Net);
            var type = $"{f.Noun}Workflow{f.Suffix}";
            var (usings, field, ctor) = library switch
            {
                Library.MicrosoftExtensions => ("using Microsoft.Extensions.Logging;", $"private readonly ILogger<{type}> _log;", $"public {type}(ILogger<{type}> log) => _log = log;"),
                Library.Serilog => ("using Serilog;", "private readonly ILogger _log;", $"public {type}(ILogger log) => _log = log.ForContext<{type}>();"),
                Library.NLog => ("using NLog;", "private static readonly Logger _log = LogManager.GetCurrentClassLogger();", $"public {type}() {{ }}"),
                _ => ("using log4net;", $"private static readonly ILog _log = LogManager.GetLogger(typeof({type}));", $"public {type}() {{ }}"),
            };
            f.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using Contoso.Core;
                {{usings}}

                namespace {{f.Namespace}}
                {
                    public sealed partial class {{type}}
                    {
                        {{field}}

                        {{ctor}}

                """);
            if (library == Library.MicrosoftExtensions)
            {
                f.Member(LoggerMessageDeclaration(f, sensitive: f.Chance(20)));
            }

            while (f.Lines < targetLines - 2)
            {
                f.Member(f.Chance(15) ? FailureMethod(f, leaksSecret: f.Chance(20)) : Method(f, library, leaksSecret: f.Chance(10)));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Workflow");
        }

        private static string Method(FileContext f, Library library, bool leaksSecret)
        {
            var n = f.NextMember();
            var (info, warn) = Calls(library, leaksSecret);
            return f.Random.Next(2) == 0
                ? $$"""
                    public bool SignIn{{n}}(UserAccount account, string password, string? connectionString)
                    {
                        if (string.IsNullOrEmpty(password))
                        {
                            {{warn}}
                            return false;
                        }

                        {{info}}
                        return account.PasswordHash.Length > 0 && connectionString is not null;
                    }
                    """
                : $$"""
                    public int Process{{n}}(IReadOnlyList<Order> orders, UserAccount account, string password, string? connectionString)
                    {
                        var paid = orders.Count(o => o.Status == OrderStatus.Paid);
                        {{info}}
                        if (paid == 0)
                        {
                            {{warn}}
                        }

                        return paid;
                    }
                    """;
        }

        /// <summary>
        /// A source-generated logging method as declared in user code. Without the generator the partial method has
        /// no body, which still compiles: analyzers see exactly the declaration a real project has.
        /// </summary>
        private static string LoggerMessageDeclaration(FileContext f, bool sensitive)
        {
            var n = f.NextMember();
            return sensitive
                ? $$"""
                    [LoggerMessage(EventId = {{n}}, Level = LogLevel.Debug, Message = "Connecting as {user} with {password}")]
                    static partial void LogConnecting{{n}}(ILogger logger, string user, string password);
                    """
                : $$"""
                    [LoggerMessage(EventId = {{n}}, Level = LogLevel.Information, Message = "Processed {count} orders for {customerId}")]
                    static partial void LogProcessed{{n}}(ILogger logger, int count, int customerId);
                    """;
        }

        /// <summary>Failure paths: exception messages with ids (most) or with the secret itself (a few).</summary>
        private static string FailureMethod(FileContext f, bool leaksSecret)
        {
            var n = f.NextMember();
            var message = leaksSecret ? "$\"Sign-in failed for {account.UserName} using {password}\"" : "$\"Sign-in failed for account {account.Id}\"";
            return $$"""
                public void EnsureSignedIn{{n}}(UserAccount account, string password, bool succeeded)
                {
                    if (!succeeded)
                    {
                        throw new InvalidOperationException({{message}});
                    }
                }
                """;
        }

        /// <summary>An information call and a warning call in the library's own style.</summary>
        private static (string Info, string Warn) Calls(Library library, bool leaksSecret)
        {
            var infoArgument = leaksSecret ? "password" : "account.UserName";
            var warnArgument = leaksSecret ? "connectionString" : "account.Id";
            return library switch
            {
                Library.MicrosoftExtensions => (
                    $"_log.LogInformation(\"Signing in {{User}}\", {infoArgument});",
                    $"_log.LogWarning(\"Nothing to do for {{Value}}\", {warnArgument});"),
                Library.Serilog => (
                    $"_log.Information(\"Signing in {{User}}\", {infoArgument});",
                    $"_log.Warning(\"Nothing to do for {{Value}}\", {warnArgument});"),
                Library.NLog => (
                    $"_log.Info(\"Signing in {{0}}\", {infoArgument});",
                    $"_log.Warn(\"Nothing to do for {{0}}\", {warnArgument});"),
                _ => (
                    $"_log.Info(\"Signing in \" + {infoArgument});",
                    $"_log.WarnFormat(\"Nothing to do for {{0}}\", {warnArgument});"),
            };
        }
    }
}
