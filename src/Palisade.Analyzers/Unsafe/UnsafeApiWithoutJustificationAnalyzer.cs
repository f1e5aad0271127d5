using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Unsafe
{
    /// <summary>
    /// PAL4002 (off by default): calls into the APIs that break memory safety without the <c>unsafe</c> keyword —
    /// Unsafe, MemoryMarshal, CollectionsMarshal, ImmutableCollectionsMarshal, NativeMemory and the pointer half of
    /// Marshal — outside code justified by a SAFETY comment or suppression (see docs/rules/PAL4002.md).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnsafeApiWithoutJustificationAnalyzer : PalisadeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.UnsafeApiWithoutJustification);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var apis = UnsafeApis.Create(context.Compilation);
            if (apis is null)
            {
                return;
            }

            context.RegisterOperationAction(
                c => Analyze(c, apis, ((IInvocationOperation)c.Operation).TargetMethod),
                OperationKind.Invocation);
            context.RegisterOperationAction(
                c => Analyze(c, apis, ((IMethodReferenceOperation)c.Operation).Method),
                OperationKind.MethodReference);
        }

        private static void Analyze(OperationAnalysisContext context, UnsafeApis apis, IMethodSymbol? method)
        {
            if (method is null || !apis.IsUnsafe(method))
            {
                return;
            }

            var syntax = context.Operation.Syntax;
            var markers = SafetyMarkers.Read(context.Options.AnalyzerConfigOptionsProvider, syntax.SyntaxTree);
            if (SafetyJustification.IsCallSiteJustified(syntax, markers))
            {
                return;
            }

            var target = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnsafeApiWithoutJustification,
                target.GetLocation(),
                method.ContainingType.Name + "." + method.Name,
                "// " + markers.Primary));
        }
    }
}
