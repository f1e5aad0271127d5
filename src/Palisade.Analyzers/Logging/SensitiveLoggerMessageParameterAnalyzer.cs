using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// PAL3003: a [LoggerMessage] method whose template names a sensitive parameter. Every call then logs the
    /// secret, so the declaration is the place to fix it (rename the hole away, or classify the parameter so the
    /// extended generator redacts it).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SensitiveLoggerMessageParameterAnalyzer : PalisadeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SensitiveLoggerMessageParameter);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = FlowContext.Get(context.Compilation).Shared(c => new LoggingSymbols(c));
            if (symbols.LoggerMessageAttribute is null)
            {
                return;
            }

            var tracer = new SensitiveValues(symbols, LoggingOptions.Read(context.Options));
            context.RegisterSymbolAction(c => AnalyzeMethod(c, symbols, tracer), SymbolKind.Method);
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, LoggingSymbols symbols, SensitiveValues tracer)
        {
            var method = (IMethodSymbol)context.Symbol;

            // A partial method is seen twice (declaration and implementation): report on the declaration only.
            if (method.PartialDefinitionPart is not null)
            {
                return;
            }

            var template = TemplateOf(method, symbols.LoggerMessageAttribute!);
            if (template is null)
            {
                return;
            }

            var holes = MessageTemplate.Parse(template).Select(h => h.Name).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in method.Parameters)
            {
                if (!holes.Contains(parameter.Name) || symbols.IsException(parameter.Type) ||
                    TypeHierarchy.IsOrImplements(parameter.Type, symbols.MelLogger) || tracer.IsRedactedByGenerator(parameter))
                {
                    continue;
                }

                if (tracer.IsSensitiveSymbol(parameter, parameter.Type, structured: true, out var what) && parameter.Locations.Length > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SensitiveLoggerMessageParameter, parameter.Locations[0], method.Name, what));
                }
            }
        }

        private static string? TemplateOf(IMethodSymbol method, INamedTypeSymbol loggerMessageAttribute)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, loggerMessageAttribute))
                {
                    continue;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Message" && named.Value.Value is string message)
                    {
                        return message;
                    }
                }

                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Value is string message)
                    {
                        return message;
                    }
                }
            }

            return null;
        }
    }
}
