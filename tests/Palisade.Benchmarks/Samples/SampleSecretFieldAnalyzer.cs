using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Benchmarks.Samples
{
    /// <summary>Sample: flags a constant string initializing a field or property whose name says it is a secret.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class SampleSecretFieldAnalyzer : DiagnosticAnalyzer, ISampleAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "SAMPLE02", "Sample: secret in code", "Sample: '{0}' holds a constant secret", "Sample", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(Check, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
        }

        private static void Check(OperationAnalysisContext context)
        {
            var initializer = (ISymbolInitializerOperation)context.Operation;
            var name = initializer switch
            {
                IFieldInitializerOperation field when field.InitializedFields.Length > 0 => field.InitializedFields[0].Name,
                IPropertyInitializerOperation property when property.InitializedProperties.Length > 0 => property.InitializedProperties[0].Name,
                _ => null,
            };
            if (name is not null
                && (name.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0)
                && initializer.Value.ConstantValue is { HasValue: true, Value: string { Length: > 0 } })
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, initializer.Syntax.GetLocation(), name));
            }
        }
    }
}
