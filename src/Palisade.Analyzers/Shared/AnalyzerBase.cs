using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// The settings every Palisade analyzer shares: concurrent execution and no reports in generated code.
    /// Derived analyzers register their work in <see cref="OnCompilationStart"/>, where types are resolved once.
    /// </summary>
    public abstract class PalisadeAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(SkipsGeneratedCodeItself
                ? GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics
                : GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        /// <summary>
        /// True for a rule that leaves generated code out itself (<see cref="GeneratedCode"/>) rather than through
        /// the driver, whose check walks every token of a file the first time the rule reports in it. Worth it
        /// only for a rule that reports in many files; such a rule must skip generated files and
        /// <c>[GeneratedCode]</c> members before every report.
        /// </summary>
        protected virtual bool SkipsGeneratedCodeItself => false;

        /// <summary>Resolve the symbols the rule needs; register nothing when the library it watches is not referenced.</summary>
        protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);
    }
}
