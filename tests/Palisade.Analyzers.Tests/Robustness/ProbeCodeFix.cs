using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>Test double for a code fix: marks the flagged expression with a comment. Pairs with <see cref="ProbeAnalyzer"/>.</summary>
    public sealed class ProbeCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ProbeAnalyzer.Id);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
            if (root is null || node is null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark as reviewed",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(node, node.WithLeadingTrivia(node.GetLeadingTrivia().Add(SyntaxFactory.Comment("/* reviewed */")))))),
                    equivalenceKey: "Probe.MarkReviewed"),
                context.Diagnostics);
        }
    }
}
