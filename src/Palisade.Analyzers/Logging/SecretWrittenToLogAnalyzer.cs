using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// PAL3001: a sensitive value (a secret-named symbol, a secret configuration key, an Authorization header,
    /// classified data, or an object exposing one) written by Microsoft.Extensions.Logging, Serilog, NLog, log4net,
    /// Console or System.Diagnostics.Debug/Trace, including calls to [LoggerMessage] methods.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecretWrittenToLogAnalyzer : PalisadeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretWrittenToLog);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = FlowContext.Get(context.Compilation).Shared(c => new LoggingSymbols(c));
            var sinks = new LogSinks(symbols);
            if (!sinks.AnyAvailable)
            {
                return;
            }

            var tracer = new SensitiveValues(symbols, LoggingOptions.Read(context.Options));
            context.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, tracer), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, LogSinks sinks, SensitiveValues tracer)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var values = sinks.LoggedValues(invocation);
            if (values.Count == 0)
            {
                return;
            }

            var isLoggerMessage = sinks.IsLoggerMessageMethod(invocation.TargetMethod);
            var sinkName = LogSinks.SinkName(invocation.TargetMethod);
            foreach (var logged in values)
            {
                // The extended [LoggerMessage] generator redacts parameters marked with a data classification.
                if (isLoggerMessage && tracer.IsRedactedByGenerator(logged.Parameter))
                {
                    continue;
                }

                foreach (var finding in tracer.Find(logged.Value, logged.Structured, context.CancellationToken))
                {
                    context.ReportDiagnostic(SensitiveValueReport.Create(Descriptors.SecretWrittenToLog, finding, sinkName, logged.CanMask, logged.TemplateArgumentIndex));
                }
            }
        }
    }
}
