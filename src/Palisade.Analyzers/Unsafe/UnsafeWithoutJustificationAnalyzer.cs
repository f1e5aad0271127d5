using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

            var markers = SafetyMarkers.Read(context.Options.AnalyzerConfigOptionsProvider, context.Tree);
            var root = context.Tree.GetRoot(context.CancellationToken);

            // Unjustified constructs in document order: an unsafe type comes before the members inside it.
            var unjustified = new List<SyntaxToken>();
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.UnsafeKeyword))
                {
                    continue;
                }

                var construct = UnsafeConstructs.ConstructOf(token);
                if (construct != null && !SafetyJustification.IsUnsafeConstructJustified(construct, markers))
                {
                    unjustified.Add(token);
                }
            }

            // An unjustified unsafe type gets one report that covers the unjustified unsafe code inside it: one
            // SAFETY comment on the type settles all of it, so one warning per member would only be noise.
            var covered = new HashSet<SyntaxToken>();
            foreach (var token in unjustified)
            {
                if (covered.Contains(token))
                {
                    continue;
                }

                var construct = UnsafeConstructs.ConstructOf(token)!;
                var inside = new List<Location>();
                if (construct is BaseTypeDeclarationSyntax)
                {
                    foreach (var other in unjustified)
                    {
                        if (other != token && !covered.Contains(other) && construct.Span.Contains(other.Span))
                        {
                            covered.Add(other);
                            inside.Add(other.GetLocation());
                        }
                    }
                }

                var what = UnsafeConstructs.Describe(construct);
                if (inside.Count > 0)
                {
                    what += inside.Count == 1 ? " (with 1 unsafe construct inside it)" : $" (with {inside.Count} unsafe constructs inside it)";
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnsafeWithoutJustification,
                    token.GetLocation(),
                    inside,
                    what,
                    "// " + markers.Primary,
                    StateOfComment(SafetyJustification.ReadComments(construct, markers))));
            }
        }

        /// <summary>The end of the message: what is wrong with the comment that is there, if one is.</summary>
        private static string StateOfComment(SafetyMark mark) => mark switch
        {
            SafetyMark.Placeholder => "; the one it has is still a placeholder",
            SafetyMark.NoReason => "; the one it has gives no reason",
            _ => string.Empty,
        };
    }
}
