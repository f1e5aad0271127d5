using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// The one pass over a syntax tree's string literals that PAL2002 and PAL2003 share. Each literal's characters
    /// are read once (<see cref="LiteralShape"/>); the few that might hold a known format or a credential are kept
    /// as candidates for the rule that checks them in depth, and the rest cost no allocation. Concatenations of
    /// literals ("Server=db;" + "Password=...") are kept whole for PAL2003, with variables standing as holes.
    /// The result depends on the tree alone, so it is computed once per tree, whichever rule asks first.
    /// </summary>
    internal sealed class StringLiteralScan
    {
        private static readonly ConditionalWeakTable<SyntaxTree, Slot> Cache = new ConditionalWeakTable<SyntaxTree, Slot>();

        [System.ThreadStatic]
        private static Scratch? t_scratch;

        private StringLiteralScan(ImmutableArray<SyntaxToken> formatCandidates, ImmutableArray<SyntaxToken> credentialCandidates, ImmutableArray<ExpressionSyntax> concatenations)
        {
            FormatCandidates = formatCandidates;
            CredentialCandidates = credentialCandidates;
            Concatenations = concatenations;
        }

        /// <summary>Literal tokens that passed <see cref="SecretFormats.MayContain"/> and hold an anchor: PAL2002 checks these.</summary>
        public ImmutableArray<SyntaxToken> FormatCandidates { get; }

        /// <summary>
        /// Literal tokens, not part of a concatenation of literals, that passed
        /// <see cref="ConnectionStrings.MayHoldCredential(in LiteralShape, string)"/>.
        /// </summary>
        public ImmutableArray<SyntaxToken> CredentialCandidates { get; }

        /// <summary>The outermost "+" of each concatenation of two or more string literals whose joined parts passed the same gate.</summary>
        public ImmutableArray<ExpressionSyntax> Concatenations { get; }

        /// <summary>The scan of <paramref name="tree"/>, computed on first use. A cancelled scan is not kept.</summary>
        public static StringLiteralScan For(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var slot = Cache.GetValue(tree, _ => new Slot());
            lock (slot)
            {
                return slot.Result ??= Scan(tree.GetRoot(cancellationToken), skipByText: true, cancellationToken);
            }
        }

        /// <summary>
        /// The concatenation's text: literal parts as written, every other operand as one
        /// <see cref="ConnectionStrings.Hole"/>, so a value built from a variable never counts as hard-coded.
        /// </summary>
        public static string JoinedText(ExpressionSyntax concatenation)
        {
            var text = new StringBuilder();
            foreach (var operand in Operands(concatenation))
            {
                if (operand is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    text.Append(literal.Token.ValueText);
                }
                else
                {
                    text.Append(ConnectionStrings.Hole);
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// Scans a tree's root. <paramref name="skipByText"/> lets the source characters rule out most literals
        /// before the tree is asked for them (the rules' setting); without it every literal is looked up, which
        /// the tests use to show the skipping changes no result.
        /// </summary>
        internal static StringLiteralScan Scan(SyntaxNode root, bool skipByText, CancellationToken cancellationToken)
        {
            // Scratch collections reused per thread: a tree's candidates are copied out once, at their final size.
            var scratch = t_scratch ??= new Scratch();
            try
            {
                return Scan(root, scratch, skipByText, cancellationToken);
            }
            finally
            {
                scratch.Clear();
            }
        }

        private static StringLiteralScan Scan(SyntaxNode root, Scratch scratch, bool skipByText, CancellationToken cancellationToken)
        {
            ExpressionSyntax? lastConcatenation = null;
            var lastJoins = false;
            var count = 0;
            foreach (var token in StringLiteralTokens.Find(root, cancellationToken, onlyPossibleSecrets: skipByText))
            {
                if ((++count & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var text = token.ValueText;
                var shape = LiteralShape.Of(text);
                if (SecretFormats.MayContain(shape) && SecretFormats.HasAnchor(text))
                {
                    scratch.Formats.Add(token);
                }

                // A literal in a concatenation of two or more literals is judged with the whole concatenation, once;
                // a lone literal, or one literal joined with variables, is judged on its own.
                var concatenation = ConcatenationAround(token);
                if (concatenation is not null)
                {
                    // The literals of one concatenation mostly come one after another: ask the table only on a change.
                    if (!ReferenceEquals(concatenation, lastConcatenation))
                    {
                        if (!scratch.JoinsLiterals.TryGetValue(concatenation, out lastJoins))
                        {
                            lastJoins = JoinsTwoLiterals(concatenation, out var joinedMayContain);
                            scratch.JoinsLiterals.Add(concatenation, lastJoins);
                            if (lastJoins && joinedMayContain)
                            {
                                scratch.Concatenations.Add(concatenation);
                            }
                        }

                        lastConcatenation = concatenation;
                    }

                    if (lastJoins)
                    {
                        continue;
                    }
                }

                if (ConnectionStrings.MayHoldCredential(shape, text))
                {
                    scratch.Credentials.Add(token);
                }
            }

            return new StringLiteralScan(
                scratch.Formats.ToImmutableArray(),
                scratch.Credentials.ToImmutableArray(),
                scratch.Concatenations.ToImmutableArray());
        }

        /// <summary>The outermost "+" around a string literal token, looking through parentheses; null when there is none.</summary>
        private static ExpressionSyntax? ConcatenationAround(SyntaxToken token)
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken) || token.Parent is not LiteralExpressionSyntax literal)
            {
                return null;
            }

            ExpressionSyntax? top = null;
            SyntaxNode node = literal;
            while (node.Parent is ExpressionSyntax parent)
            {
                if (parent.IsKind(SyntaxKind.AddExpression))
                {
                    top = parent;
                }
                else if (!parent.IsKind(SyntaxKind.ParenthesizedExpression))
                {
                    break;
                }

                node = parent;
            }

            return top;
        }

        /// <summary>
        /// Whether the chain joins two or more literals, and whether the literals' joined shape passes the
        /// connection-string gate: one walk over the operands for both answers.
        /// </summary>
        private static bool JoinsTwoLiterals(ExpressionSyntax concatenation, out bool joinedMayContain)
        {
            int literals = 0, equalsSigns = 0;
            bool semicolon = false, at = false, colon = false;
            foreach (var operand in Operands(concatenation))
            {
                if (operand is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    literals++;
                    var shape = LiteralShape.Of(literal.Token.ValueText);
                    equalsSigns += shape.EqualsSigns;
                    semicolon |= shape.HasSemicolon;
                    at |= shape.HasAt;
                    colon |= shape.HasColon;
                }
            }

            joinedMayContain = ConnectionStrings.MayContain(equalsSigns, semicolon, at, colon);
            return literals >= 2;
        }

        /// <summary>The operands of a chain of "+" in source order, looking through parentheses; iterative, so a 2,000-part chain is fine.</summary>
        private static IEnumerable<ExpressionSyntax> Operands(ExpressionSyntax concatenation)
        {
            var pending = new Stack<ExpressionSyntax>();
            pending.Push(concatenation);
            while (pending.Count > 0)
            {
                var expression = pending.Pop();
                if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                }
                else if (expression is ParenthesizedExpressionSyntax parenthesized && IsConcatenation(parenthesized.Expression))
                {
                    pending.Push(parenthesized.Expression);
                }
                else
                {
                    yield return expression;
                }
            }
        }

        private static bool IsConcatenation(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression.IsKind(SyntaxKind.AddExpression) || expression.IsKind(SyntaxKind.StringLiteralExpression);
        }

        private sealed class Slot
        {
            public StringLiteralScan? Result;
        }

        private sealed class Scratch
        {
            public List<SyntaxToken> Formats { get; } = new List<SyntaxToken>();

            public List<SyntaxToken> Credentials { get; } = new List<SyntaxToken>();

            public List<ExpressionSyntax> Concatenations { get; } = new List<ExpressionSyntax>();

            public Dictionary<SyntaxNode, bool> JoinsLiterals { get; } = new Dictionary<SyntaxNode, bool>();

            /// <summary>Empties the lists and drops their references, so no tree is kept alive by a thread.</summary>
            public void Clear()
            {
                Formats.Clear();
                Credentials.Clear();
                Concatenations.Clear();
                JoinsLiterals.Clear();
            }
        }
    }
}
