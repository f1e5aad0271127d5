using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// A test double shaped like a Palisade sink rule: flags the outermost string concatenation or interpolation
    /// that is not a constant. It runs next to the real analyzers so the robustness harness always has an analyzer
    /// that reports and a fix that is offered, even on a branch with no product rules yet.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProbeAnalyzer : DiagnosticAnalyzer
    {
        public const string Id = "PROBE01";

        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            Id, "Probe: text built at run time", "Probe: text built at run time", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(Check, OperationKind.Binary, OperationKind.InterpolatedString);
        }

        private static void Check(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (operation.Type?.SpecialType != SpecialType.System_String || operation.ConstantValue.HasValue)
            {
                return;
            }

            // Only the outermost piece of a chain, so a 2,000-part concatenation yields one report, not 2,000.
            if (operation.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } parent && parent.Type?.SpecialType == SpecialType.System_String)
            {
                return;
            }

            if (operation is IBinaryOperation binary && binary.OperatorKind != BinaryOperatorKind.Add)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation()));
        }
    }
}
