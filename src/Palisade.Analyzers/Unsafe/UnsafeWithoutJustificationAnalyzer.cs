using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Unsafe
{
    /// <summary>
    /// PAL4001: every <c>unsafe</c> block, member, type and using alias needs a <c>// SAFETY:</c> comment with a real
    /// reason (or a justified [SuppressMessage]), the convention clippy enforces for Rust's unsafe blocks.
    /// The rule is about comments, so it reads syntax only, and only in files that mention "unsafe".
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnsafeWithoutJustificationAnalyzer : PalisadeAnalyzer
    {
        private const string Keyword = "unsafe";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.UnsafeWithoutJustification);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            // Without /unsafe (AllowUnsafeBlocks) every unsafe construct is already compiler error CS0227: nothing to add.
            if (!(context.Compilation.Options is CSharpCompilationOptions options) || !options.AllowUnsafe)
            {
                return;
            }

            context.RegisterSyntaxTreeAction(AnalyzeTree);
        }

        private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
        {
            var text = context.Tree.GetText(context.CancellationToken);
            if (!TextSearch.Contains(text, Keyword))
            {
                return;
            }

            var root = context.Tree.GetRoot(context.CancellationToken);
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.UnsafeKeyword))
                {
                    continue;
                }

                var construct = UnsafeConstructs.ConstructOf(token);
                if (construct is null || SafetyJustification.IsUnsafeConstructJustified(construct))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnsafeWithoutJustification, token.GetLocation(), UnsafeConstructs.Describe(construct)));
            }
        }
    }
}
