using Microsoft.CodeAnalysis;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// The types the secrets-in-logs rules look for, resolved once per compilation. Any of them may be null:
    /// a project without Serilog simply has no Serilog sinks.
    /// </summary>
    internal sealed class LoggingSymbols
    {
        public LoggingSymbols(Compilation compilation)
        {
            Exception = TypeLookup.Find(compilation, "System.Exception");
            FormatProvider = TypeLookup.Find(compilation, "System.IFormatProvider");
            String = compilation.GetSpecialType(SpecialType.System_String);
            Console = TypeLookup.Find(compilation, "System.Console");
            TextWriter = TypeLookup.Find(compilation, "System.IO.TextWriter");
            Debug = TypeLookup.Find(compilation, "System.Diagnostics.Debug");
            Trace = TypeLookup.Find(compilation, "System.Diagnostics.Trace");
            MelLogger = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.ILogger");
            MelLoggerExtensions = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
            LoggerMessageAttribute = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
            SerilogLogger = TypeLookup.Find(compilation, "Serilog.ILogger");
            SerilogLog = TypeLookup.Find(compilation, "Serilog.Log");
            NLogLoggerBase = TypeLookup.Find(compilation, "NLog.ILoggerBase");
            NLogLogger = TypeLookup.Find(compilation, "NLog.Logger");
            Log4NetLog = TypeLookup.Find(compilation, "log4net.ILog");
            DataClassificationAttribute = TypeLookup.Find(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            Redactor = TypeLookup.Find(compilation, "Microsoft.Extensions.Compliance.Redaction.Redactor");
            AuthenticationHeaderValue = TypeLookup.Find(compilation, "System.Net.Http.Headers.AuthenticationHeaderValue");
            StringValues = TypeLookup.Find(compilation, "Microsoft.Extensions.Primitives.StringValues");
            MelLoggerMessage = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LoggerMessage");
            NLogLogEventBuilder = TypeLookup.Find(compilation, "NLog.LogEventBuilder");
            NLogFluentLogBuilder = TypeLookup.Find(compilation, "NLog.Fluent.LogBuilder");
            HttpHeaders = TypeLookup.Find(compilation, "System.Net.Http.Headers.HttpHeaders");
            AspNetHeaderDictionary = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
            KeyValuePair = TypeLookup.Find(compilation, "System.Collections.Generic.KeyValuePair`2");
        }

        public INamedTypeSymbol? Exception { get; }
        public INamedTypeSymbol? FormatProvider { get; }
        public INamedTypeSymbol String { get; }
        public INamedTypeSymbol? Console { get; }
        public INamedTypeSymbol? TextWriter { get; }
        public INamedTypeSymbol? Debug { get; }
        public INamedTypeSymbol? Trace { get; }
        public INamedTypeSymbol? MelLogger { get; }
        public INamedTypeSymbol? MelLoggerExtensions { get; }
        public INamedTypeSymbol? LoggerMessageAttribute { get; }
        public INamedTypeSymbol? SerilogLogger { get; }
        public INamedTypeSymbol? SerilogLog { get; }
        public INamedTypeSymbol? NLogLoggerBase { get; }
        public INamedTypeSymbol? NLogLogger { get; }
        public INamedTypeSymbol? Log4NetLog { get; }
        public INamedTypeSymbol? DataClassificationAttribute { get; }
        public INamedTypeSymbol? Redactor { get; }
        public INamedTypeSymbol? AuthenticationHeaderValue { get; }
        public INamedTypeSymbol? StringValues { get; }

        /// <summary>Microsoft.Extensions.Logging.LoggerMessage: Define / DefineScope build the delegates that log.</summary>
        public INamedTypeSymbol? MelLoggerMessage { get; }

        /// <summary>NLog's fluent API: <c>logger.ForInfoEvent().Message(...).Property(...).Log()</c> (NLog 5+).</summary>
        public INamedTypeSymbol? NLogLogEventBuilder { get; }

        /// <summary>NLog 4's fluent API: <c>logger.Info().Message(...).Property(...).Write()</c>.</summary>
        public INamedTypeSymbol? NLogFluentLogBuilder { get; }

        /// <summary>System.Net.Http request and response headers (GetValues("Authorization")).</summary>
        public INamedTypeSymbol? HttpHeaders { get; }

        /// <summary>ASP.NET Core's request headers (Headers.Authorization, Headers["Authorization"]).</summary>
        public INamedTypeSymbol? AspNetHeaderDictionary { get; }

        public INamedTypeSymbol? KeyValuePair { get; }

        public bool IsException(ITypeSymbol? type) => Exception is not null && TypeHierarchy.InheritsFrom(type, Exception);
    }
}
