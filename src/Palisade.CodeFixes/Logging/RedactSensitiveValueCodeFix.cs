using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Palisade.Analyzers;

namespace Palisade.CodeFixes.Logging
{
    /// <summary>
    /// Fixes PAL3001 (sensitive value written to a log) and PAL3002 (sensitive value in an exception message) — one
    /// provider because both rules point at the same kind of hole. Offers "mask with ***" (the template hole stays, so
    /// log queries on the property still work) and "remove the value" (argument and hole go together).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactSensitiveValueCodeFix))]
    public sealed class RedactSensitiveValueCodeFix : CodeFixProvider
    {
        /// <summary>Equivalence key of "replace the value with ***".</summary>
        public const string MaskEquivalenceKey = "Palisade.Logging.MaskSensitiveValue";

        /// <summary>Equivalence key of "remove the value and its placeholder".</summary>
        public const string RemoveEquivalenceKey = "Palisade.Logging.RemoveSensitiveValue";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.SecretWrittenToLog, DiagnosticIds.SecretInExceptionMessage);

        /// <summary>Fix All applies every fix of a document on one tree, so several holes of one template are removed together.</summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var target = SensitiveValueEdits.Target(root, diagnostic);
                if (target is null)
                {
                    continue;
                }

                if (SensitiveValueEdits.Mask(root, target, diagnostic) is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Mask the sensitive value with \"***\"", ct => ApplyAsync(context.Document, diagnostic, MaskEquivalenceKey, ct), MaskEquivalenceKey),
                        diagnostic);
                }

                if (SensitiveValueEdits.Remove(root, target, diagnostic) is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the sensitive value from the message", ct => ApplyAsync(context.Document, diagnostic, RemoveEquivalenceKey, ct), RemoveEquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
            ApplyAllAsync(document, ImmutableArray.Create(diagnostic), equivalenceKey, cancellationToken);

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            context.CodeActionEquivalenceKey is { } key ? await ApplyAllAsync(document, diagnostics, key, context.CancellationToken).ConfigureAwait(false) : null;

        /// <summary>
        /// Marks every target first, then edits one at a time and finds the next target again by its mark: an edit may
        /// rebuild the call or string that holds the next one.
        /// </summary>
        private static async Task<Document> ApplyAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            var work = new List<(SyntaxAnnotation Mark, Diagnostic Diagnostic)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var target = SensitiveValueEdits.Target(root, diagnostic);
                if (target is null || marks.ContainsKey(target))
                {
                    continue;
                }

                var mark = new SyntaxAnnotation();
                marks.Add(target, mark);
                work.Add((mark, diagnostic));
            }

            root = root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original]));
            foreach (var (mark, diagnostic) in work)
            {
                var target = root.GetAnnotatedNodes(mark).FirstOrDefault();
                if (target is null)
                {
                    continue;
                }

                var edited = equivalenceKey == MaskEquivalenceKey
                    ? SensitiveValueEdits.Mask(root, target, diagnostic)
                    : SensitiveValueEdits.Remove(root, target, diagnostic);
                root = edited ?? root;
            }

            return document.WithSyntaxRoot(root);
        }
    }
}
