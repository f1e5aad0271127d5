using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// Fix All for the SQL fixes (document, project and solution scope). The built-in BatchFixer computes every fix
    /// against the original document and merges the text changes, so two fixes in one method both pick the free name
    /// <c>nameParameter</c> and the merge declares it twice (CS0128). Here the fixes of one document are applied one
    /// after the other, each planned on the document the previous one produced: every name is chosen knowing the names
    /// the earlier edits introduced. Each diagnostic's node is marked with an annotation first, so it is found again
    /// after the text around it has moved.
    /// </summary>
    internal static class SqlFixAllProvider
    {
        private const string AnnotationKind = "Palisade.Sql.FixAllTarget";

        /// <summary>Applies one diagnostic's fix; returns the document unchanged when there is no sound fix.</summary>
        public delegate Task<Document> FixOneAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

        /// <summary>
        /// A document-based provider (Document, Project and Solution scope). It ignores the equivalence key, so
        /// <c>dotnet format</c>, which asks for Fix All without one, gets an action too.
        /// </summary>
        public static FixAllProvider Create(FixOneAsync fixOne) =>
            FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(document, diagnostics, fixOne, context.CancellationToken));

        public static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, FixOneAsync fixOne, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || diagnostics.IsEmpty)
            {
                return document;
            }

            // Mark every diagnostic's node; one annotation per diagnostic, in source order.
            var ordered = diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start).ToList();
            var marks = ordered
                .Select((d, i) => (Diagnostic: d, Node: root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true), Annotation: new SyntaxAnnotation(AnnotationKind, i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                .ToList();
            var byNode = marks.GroupBy(m => m.Node).ToDictionary(g => g.Key, g => g.Select(m => m.Annotation).ToArray());
            var current = document.WithSyntaxRoot(root.ReplaceNodes(byNode.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(byNode[original])));

            foreach (var mark in marks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = currentRoot?.GetAnnotatedNodes(mark.Annotation).FirstOrDefault();
                if (node is null)
                {
                    continue;
                }

                var moved = Diagnostic.Create(mark.Diagnostic.Descriptor, Location.Create(node.SyntaxTree, node.Span), mark.Diagnostic.Properties);
                current = await fixOne(current, moved, cancellationToken).ConfigureAwait(false);
            }

            return current;
        }
    }
}
