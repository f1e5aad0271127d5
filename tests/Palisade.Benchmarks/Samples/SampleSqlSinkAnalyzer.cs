using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Benchmarks.Samples
{
    /// <summary>Sample: flags non-constant text given to a DbCommand constructor or assigned to CommandText.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class SampleSqlSinkAnalyzer : DiagnosticAnalyzer, ISampleAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "SAMPLE01", "Sample: SQL from text", "Sample: SQL built from text", "Sample", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var dbCommand = start.Compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
                if (dbCommand is null)
                {
                    return;
                }

                start.RegisterOperationAction(c => CheckCreation(c, dbCommand), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => CheckAssignment(c, dbCommand), OperationKind.SimpleAssignment);
            });
        }

        private static void CheckCreation(OperationAnalysisContext context, INamedTypeSymbol dbCommand)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!DerivesFrom(creation.Type, dbCommand) || creation.Arguments.Length == 0)
            {
                return;
            }

            Check(context, creation.Arguments[0].Value);
        }

        private static void CheckAssignment(OperationAnalysisContext context, INamedTypeSymbol dbCommand)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "CommandText" } property
                && DerivesFrom(property.Property.ContainingType, dbCommand))
            {
                Check(context, assignment.Value);
            }
        }

        private static void Check(OperationAnalysisContext context, IOperation text)
        {
            if (text.Type?.SpecialType == SpecialType.System_String && !text.ConstantValue.HasValue)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, text.Syntax.GetLocation()));
            }
        }

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
