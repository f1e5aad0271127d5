using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers;
using Palisade.Analyzers.Unsafe;

namespace Palisade.CodeFixes.Unsafe
{
    /// <summary>
    /// PAL4001/PAL4002: inserts <c>// SAFETY: TODO explain why this is sound</c> on its own line above the unsafe
    /// construct (below its doc comment, above its attributes) or above the statement holding the unsafe call.
    /// The placeholder is deliberately no reason: the warning stays until a person writes the real one.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsafeWithoutJustificationCodeFix))]
    public sealed class UnsafeWithoutJustificationCodeFix : CodeFixProvider
    {
        /// <summary>The one equivalence key of this fix, public so tests and Fix All can pick it.</summary>
        public const string EquivalenceKey = "Palisade.Unsafe.AddSafetyComment";

        private const string Title = "Add a '// SAFETY:' comment to explain why this is sound";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.UnsafeWithoutJustification, DiagnosticIds.UnsafeApiWithoutJustification);

        public override FixAllProvider GetFixAllProvider() => AddAllSafetyComments.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            var markers = MarkersOf(context.Document, root);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (TargetOf(root, diagnostic, markers) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => AddCommentsAsync(context.Document, new[] { diagnostic }, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>
        /// The node the comment goes above, or null when no fix applies (a SAFETY line already stands there and only
        /// its reason is missing: a second placeholder would not help).
        /// </summary>
        private static SyntaxNode? TargetOf(SyntaxNode root, Diagnostic diagnostic, SafetyMarkers markers)
        {
            if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            SyntaxNode? target;
            if (diagnostic.Id == DiagnosticIds.UnsafeWithoutJustification)
            {
                var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
                target = token.IsKind(SyntaxKind.UnsafeKeyword) ? UnsafeConstructs.ConstructOf(token) : null;
            }
            else
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                target = node.AncestorsAndSelf().FirstOrDefault(n =>
                    n is StatementSyntax || n is MemberDeclarationSyntax || n is AccessorDeclarationSyntax);
            }

            return target is null || SafetyJustification.ReadComments(target, markers) != SafetyMark.None ? null : target;
        }

        /// <summary>The justification markers the analyzer used for this file (palisade.unsafe.justification_markers).</summary>
        private static SafetyMarkers MarkersOf(Document document, SyntaxNode root) =>
            SafetyMarkers.Read(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider, root.SyntaxTree);

        private static async Task<Document> AddCommentsAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Several diagnostics can share a target (two unsafe calls in one statement): one comment each.
            var markers = MarkersOf(document, root);
            var firstTokens = new HashSet<SyntaxToken>();
            foreach (var diagnostic in diagnostics)
            {
                var target = TargetOf(root, diagnostic, markers);
                if (target != null)
                {
                    firstTokens.Add(target.GetFirstToken());
                }
            }

            if (firstTokens.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceTokens(firstTokens, (original, _) => WithCommentAbove(original, text, markers.Placeholder));
            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>Puts the comment at the end of the token's leading trivia, indented like the token's line.</summary>
        private static SyntaxToken WithCommentAbove(SyntaxToken token, SourceText text, string placeholder)
        {
            var line = text.Lines.GetLineFromPosition(token.SpanStart);
            var lineText = text.ToString(TextSpan.FromBounds(line.Start, token.SpanStart));
            var indent = new string(lineText.TakeWhile(char.IsWhiteSpace).ToArray());
            var endOfLine = SyntaxFactory.EndOfLine(LineBreakOf(text, line));
            var firstOnLine = lineText.Length == indent.Length;

            var trivia = token.LeadingTrivia.ToList();
            if (firstOnLine && trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                trivia.RemoveAt(trivia.Count - 1);
            }
            else if (!firstOnLine)
            {
                // "x++; unsafe { }": start a new line so the comment stands above the construct, not after the code.
                trivia.Add(endOfLine);
            }

            AddIndent(trivia, indent);
            trivia.Add(SyntaxFactory.Comment(placeholder));
            trivia.Add(endOfLine);
            AddIndent(trivia, indent);
            return token.WithLeadingTrivia(trivia);
        }

        private static void AddIndent(List<SyntaxTrivia> trivia, string indent)
        {
            if (indent.Length > 0)
            {
                trivia.Add(SyntaxFactory.Whitespace(indent));
            }
        }

        /// <summary>The file's own line break, so a CRLF file stays CRLF; "\n" for a file of one unterminated line.</summary>
        private static string LineBreakOf(SourceText text, TextLine line)
        {
            foreach (var candidate in new[] { line, text.Lines[0] })
            {
                var length = candidate.EndIncludingLineBreak - candidate.End;
                if (length > 0)
                {
                    return text.ToString(new TextSpan(candidate.End, length));
                }
            }

            return "\n";
        }

        /// <summary>Fix All: one pass per document over every diagnostic, so shared targets get one comment.</summary>
        private sealed class AddAllSafetyComments : DocumentBasedFixAllProvider
        {
            public static readonly AddAllSafetyComments Instance = new AddAllSafetyComments();

            protected override string GetFixAllTitle(FixAllContext fixAllContext) => Title;

            protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
                await AddCommentsAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
