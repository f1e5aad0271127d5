using System;
using System.Collections.Generic;
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

            var options = LoggingOptions.Read(context.Options);
            var tracer = new SensitiveValues(symbols, options);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, tracer, options), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, LogSinks sinks, SensitiveValues tracer, LoggingOptions options)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var values = sinks.LoggedValues(invocation);
            if (values.Count == 0)
            {
                return;
            }

            var isLoggerMessage = sinks.IsLoggerMessageMethod(invocation.TargetMethod);
            var sinkName = LogSinks.SinkName(invocation.TargetMethod);

            // One call that writes the same secret several times ("{P} {P}", password, password) gets one report, with
            // the other copies as additional locations: it is one leak to fix.
            var reported = new Dictionary<string, (SensitiveFinding Finding, LoggedValue Logged, List<Location> Copies)>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var logged in values)
            {
                // The extended [LoggerMessage] generator redacts parameters marked with a data classification.
                if (isLoggerMessage && tracer.IsRedactedByGenerator(logged.Parameter))
                {
                    continue;
                }

                foreach (var finding in FindingsIn(logged, tracer, options, context.CancellationToken))
                {
                    if (FixedTextValues.IsFixedText(finding.Hole, options.SecretNames))
                    {
                        continue;
                    }

                    if (reported.TryGetValue(finding.What, out var first))
                    {
                        first.Copies.Add(finding.Hole.Syntax.GetLocation());
                        continue;
                    }

                    reported[finding.What] = (finding, logged, new List<Location>());
                    order.Add(finding.What);
                }
            }

            foreach (var what in order)
            {
                var (finding, logged, copies) = reported[what];
                context.ReportDiagnostic(SensitiveValueReport.Create(
                    Descriptors.SecretWrittenToLog, finding, sinkName, logged.CanMask, logged.TemplateArgumentIndex, copies));
            }
        }

        /// <summary>
        /// The tracer's findings; failing those, a credential header read (<see cref="SensitiveSources"/>), or a value
        /// logged under a secret key name (<c>BeginScope(new Dictionary&lt;string, object&gt; { ["ApiKey"] = key })</c>).
        /// </summary>
        private static List<SensitiveFinding> FindingsIn(LoggedValue logged, SensitiveValues tracer, LoggingOptions options, System.Threading.CancellationToken cancellationToken)
        {
            var findings = tracer.Find(logged.Value, logged.Structured, cancellationToken);
            if (findings.Count > 0)
            {
                return findings;
            }

            var value = SensitiveValues.Unwrap(logged.Value);
            if (logged.KeyName is { } key && !value.ConstantValue.HasValue && IsText(value.Type) && options.SecretNames.IsSecretName(key, out _))
            {
                findings.Add(new SensitiveFinding(logged.Value, key, FindingShape.WholeValue, direct: true));
            }

            return findings;
        }

        /// <summary>Text, objects and text-like wrappers; numbers, flags and dates print no secret.</summary>
        private static bool IsText(ITypeSymbol? type) =>
            type is null || !type.IsValueType || type.Name == "StringValues";
    }
}
