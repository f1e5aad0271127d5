using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// PAL3002: a sensitive value in the message of a new exception (any type deriving from System.Exception).
    /// Exception messages reach logs, error pages and telemetry, usually without passing any redaction.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecretInExceptionMessageAnalyzer : PalisadeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretInExceptionMessage);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = FlowContext.Get(context.Compilation).Shared(c => new LoggingSymbols(c));
            if (symbols.Exception is null)
            {
                return;
            }

            var options = LoggingOptions.Read(context.Options);
            var tracer = new SensitiveValues(symbols, options);
            context.RegisterOperationAction(c => AnalyzeCreation(c, symbols, tracer, options), OperationKind.ObjectCreation);
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, LoggingSymbols symbols, SensitiveValues tracer, LoggingOptions options)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!symbols.IsException(creation.Type) || creation.Type is null)
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue ||
                    parameter.Type.SpecialType != SpecialType.System_String ||
                    parameter.Name.IndexOf("message", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                foreach (var finding in tracer.Find(argument.Value, structured: false, context.CancellationToken))
                {
                    // Messages.InvalidPassword (a .resx string), a constant holding a key name: fixed text, no secret.
                    if (FixedTextValues.IsFixedText(finding.Hole, options.SecretNames))
                    {
                        continue;
                    }

                    context.ReportDiagnostic(SensitiveValueReport.Create(Descriptors.SecretInExceptionMessage, finding, creation.Type.Name, canMask: true, templateArgumentIndex: -1));
                }
            }
        }
    }
}
