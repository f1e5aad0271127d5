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
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        /// <summary>Resolve the symbols the rule needs; register nothing when the library it watches is not referenced.</summary>
        protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);
    }
}
