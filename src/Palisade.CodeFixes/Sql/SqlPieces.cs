using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;
using Palisade.Analyzers.Sql;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// Finds the pieces that make up a SQL value built over several statements, and plans each one. Every untrusted
    /// hole of the whole text must land in a piece whose own literal text makes it a value; otherwise there is no
    /// plan. A piece inside a loop that does not also hold the sink runs once per turn: <see cref="PiecewiseSqlEdit"/>
    /// gives its parameter a numbered name per turn.
    /// </summary>
    internal sealed partial class SqlPieces
    {
        private const string Prefix = "@";

        private readonly SqlSinkValue _sink;
        private readonly HashSet<string> _reserved;
        private readonly CancellationToken _cancellationToken;
        private readonly List<SyntaxNode> _covered = new List<SyntaxNode>();
        private readonly HashSet<SyntaxNode> _lists = new HashSet<SyntaxNode>();
        private bool _expandLists;
        private readonly Dictionary<SyntaxNode, List<SyntaxNode>> _valueLocals = new Dictionary<SyntaxNode, List<SyntaxNode>>();
        private readonly Dictionary<SyntaxNode, SqlHolePosition> _globalPositions = new Dictionary<SyntaxNode, SqlHolePosition>();

        private SqlPieces(SqlSinkValue sink, HashSet<string> reserved, CancellationToken cancellationToken)
        {
            _sink = sink;
            _reserved = reserved;
            _cancellationToken = cancellationToken;
        }

        private SemanticModel Model => _sink.Model;

        /// <summary>One item of a piece's text: a known part, or an expression whose text is traced elsewhere.</summary>
        private readonly struct Item
        {
            public Item(StringPart? part, ExpressionSyntax? opaque)
            {
                Part = part;
                Opaque = opaque;
            }

            public StringPart? Part { get; }

            public ExpressionSyntax? Opaque { get; }
        }

        /// <param name="expandLists">
        /// Dapper: <c>IN ('" + string.Join("','", tags) + "')</c> becomes <c>IN @tags</c> with the collection as the
        /// value (Dapper's list expansion). Other APIs have no list parameter, so there is no fix for them.
        /// </param>
        public static IReadOnlyList<SqlPiece>? Find(SqlSinkValue sink, ISet<string> reserved, bool expandLists, CancellationToken cancellationToken)
        {
            var composition = sink.Composition;
            if (!composition.HasUntrustedHoles || !composition.Parts.Any(p => p.Kind == StringPartKind.Text && p.Text.Trim().Length > 0))
            {
                return null;
            }

            var finder = new SqlPieces(sink, new HashSet<string>(reserved, System.StringComparer.OrdinalIgnoreCase), cancellationToken) { _expandLists = expandLists };
            var pieces = new List<SqlPiece>();
            var holes = new List<SyntaxNode>();
            foreach (var i in composition.UntrustedHoleIndexes())
            {
                var syntax = composition.Parts[i].Operation?.Syntax;
                if (syntax is null || syntax.SyntaxTree != sink.Syntax.SyntaxTree || !SqlHolePositions.CanBeParameter(SqlHolePositions.Classify(composition, i)))
                {
                    return null;
                }

                holes.Add(syntax);
                finder._globalPositions[syntax] = SqlHolePositions.Classify(composition, i);
            }

            foreach (var syntax in holes)
            {
                if (pieces.Any(p => p.Replaced.Span.Contains(syntax.Span)))
                {
                    continue;
                }

                var piece = finder.PieceAt(syntax);
                if (piece is not null)
                {
                    pieces.Add(piece);
                    continue;
                }

                // The hole is a value that reaches the text through a variable (a foreach over names, a local
                // "var term = name.Trim()"): the pieces are where that variable is written into the text.
                foreach (var reference in finder.ReferencesOfVariableFedBy(syntax))
                {
                    if (!pieces.Any(p => p.Replaced.Span.Contains(reference.Span)) && finder.PieceAt(reference) is { } used)
                    {
                        pieces.Add(used);
                    }
                }
            }

            // Every hole is in a rewritten piece, or is the value of a local a piece passes as a parameter.
            foreach (var hole in holes)
            {
                if (!pieces.Any(p => p.Replaced.Span.Contains(hole.Span)) && !finder._covered.Any(c => c.Span.Contains(hole.Span)))
                {
                    return null;
                }
            }

            return pieces.Count == 0 || pieces.Any(p => p.Parameters.Count == 0) || !finder.ReadOnlyAtTheSink(pieces) ? null : pieces;
        }

        /// <summary>
        /// The string or StringBuilder locals the pieces write are read nowhere but at this sink (and by the pieces
        /// themselves): SQL that also reaches another command would lose its parameters there.
        /// </summary>
        private bool ReadOnlyAtTheSink(IReadOnlyList<SqlPiece> pieces)
        {
            var holders = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var piece in pieces)
            {
                var holder = piece.Statement switch
                {
                    LocalDeclarationStatementSyntax declaration => declaration.Declaration.Variables.Count == 1 ? Model.GetDeclaredSymbol(declaration.Declaration.Variables[0], _cancellationToken) : null,
                    ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } => Model.GetSymbolInfo(assignment.Left, _cancellationToken).Symbol,
                    ExpressionStatementSyntax { Expression: InvocationExpressionSyntax chain } => Model.GetSymbolInfo(ChainReceiver(chain), _cancellationToken).Symbol,
                    _ => null,
                };
                if (holder is ILocalSymbol local)
                {
                    holders.Add(local);
                }
                else if (!piece.Statement.Span.Contains(_sink.Syntax.Span))
                {
                    return false;
                }
            }

            var member = _sink.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member is null)
            {
                return false;
            }

            // A holder may flow into another local ("var sql = select + where;"), which then must reach only the sink too.
            var references = member.DescendantNodes().OfType<IdentifierNameSyntax>().ToList();
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var reference in references)
                {
                    if (!holders.Any(h => h.Name == reference.Identifier.ValueText) ||
                        Model.GetSymbolInfo(reference, _cancellationToken).Symbol is not { } symbol || !holders.Contains(symbol))
                    {
                        continue;
                    }

                    var allowed = _sink.Syntax.Span.Contains(reference.Span) ||
                                  pieces.Any(p => p.Replaced.Span.Contains(reference.Span) || p.Replaced == ChainOf(reference)) ||
                                  reference.Parent is AssignmentExpressionSyntax { Left: var left } && left == reference ||
                                  IsSelfAppend(reference) ||
                                  IsBuilderCallReceiver(reference);
                    if (allowed)
                    {
                        continue;
                    }

                    if (CarriedInto(reference) is ILocalSymbol carrier && StringTracer.IsString(carrier.Type))
                    {
                        changed |= holders.Add(carrier);
                        continue;
                    }

                    return false;
                }
            }

            return true;
        }

        /// <summary>The local whose initializer or assigned text carries <paramref name="reference"/> along (through + and interpolation only).</summary>
        private ISymbol? CarriedInto(IdentifierNameSyntax reference)
        {
            SyntaxNode current = reference;
            while (current.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ParenthesizedExpressionSyntax or InterpolationSyntax or InterpolatedStringExpressionSyntax)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => Model.GetDeclaredSymbol(declarator, _cancellationToken),
                AssignmentExpressionSyntax assignment when assignment.Right == current => Model.GetSymbolInfo(assignment.Left, _cancellationToken).Symbol,
                _ => null,
            };
        }

        /// <summary><c>sql = sql + "..."</c>: the read on the right only carries the text on.</summary>
        private static bool IsSelfAppend(IdentifierNameSyntax reference)
        {
            SyntaxNode current = reference;
            while (current.Parent is BinaryExpressionSyntax { Left: var left } binary && left == current && binary.IsKind(SyntaxKind.AddExpression))
            {
                current = current.Parent;
            }

            return current != reference && current.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment &&
                   assignment.Right == current && target.Identifier.ValueText == reference.Identifier.ValueText;
        }

        private static ExpressionSyntax ChainReceiver(InvocationExpressionSyntax chain)
        {
            ExpressionSyntax current = chain;
            while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
            {
                current = access.Expression;
            }

            return current;
        }

        private static SyntaxNode? ChainOf(IdentifierNameSyntax reference)
        {
            SyntaxNode current = reference;
            while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access && access.Expression == current)
            {
                current = call;
            }

            return current == reference ? null : current;
        }

        /// <summary><c>sb.Append("...")</c>, <c>sb.Length -= 4</c>...: a call on the builder that is not ToString.</summary>
        private bool IsBuilderCallReceiver(IdentifierNameSyntax reference) =>
            reference.Parent is MemberAccessExpressionSyntax access && access.Expression == reference &&
            StringTracer.IsStringBuilder(Model.GetTypeInfo(reference, _cancellationToken).Type) &&
            access.Name.Identifier.ValueText != "ToString";

        private IEnumerable<IdentifierNameSyntax> ReferencesOfVariableFedBy(SyntaxNode value)
        {
            var variable = value.Parent switch
            {
                ForEachStatementSyntax loop when loop.Expression == value => Model.GetDeclaredSymbol(loop, _cancellationToken),
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => Model.GetDeclaredSymbol(declarator, _cancellationToken),
                _ => null,
            };
            var member = value.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (variable is not ILocalSymbol || member is null)
            {
                return Enumerable.Empty<IdentifierNameSyntax>();
            }

            return member.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(n => n.Identifier.ValueText == variable.Name && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(n, _cancellationToken).Symbol, variable))
                .ToList();
        }

        private SqlPiece? PieceAt(SyntaxNode hole)
        {
            var top = Climb(hole);
            switch (top.Parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } when IsBuilderAppend(call):
                    return BuilderChain(call);
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } } when
                    StringTracer.IsStringBuilder(Model.GetTypeInfo(creation, _cancellationToken).Type) &&
                    creation.FirstAncestorOrSelf<StatementSyntax>() is LocalDeclarationStatementSyntax declaration:
                    return Plain(declaration, top);
                case AssignmentExpressionSyntax assignment when assignment.Right == top && assignment.Parent is ExpressionStatementSyntax statement &&
                                                                 assignment.Kind() is SyntaxKind.SimpleAssignmentExpression or SyntaxKind.AddAssignmentExpression &&
                                                                 StringTracer.IsString(Model.GetTypeInfo(assignment.Left, _cancellationToken).Type):
                    return Plain(statement, top);
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax declaration } } }:
                    return Plain(declaration, top);
                case ArgumentSyntax when top == _sink.Syntax && top.FirstAncestorOrSelf<StatementSyntax>() is { } sinkStatement:
                    return Plain(sinkStatement, top);
                default:
                    return null;
            }
        }

        /// <summary>Up through the expressions that only carry the text: +, parentheses, interpolations, string.Format/Concat, choices.</summary>
        private SyntaxNode Climb(SyntaxNode node)
        {
            var current = node;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax:
                    case InterpolationSyntax:
                    case InterpolatedStringExpressionSyntax:
                    case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                    case SwitchExpressionArmSyntax arm when arm.Expression == current:
                    case SwitchExpressionSyntax switchExpression when switchExpression.GoverningExpression != current:
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                        current = parent;
                        continue;
                    case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } when IsStringComposer(invocation):
                        current = invocation;
                        continue;
                    default:
                        return current;
                }
            }
        }

        private bool IsStringComposer(InvocationExpressionSyntax invocation) =>
            Model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol { IsStatic: true } method &&
            method.ContainingType.SpecialType == SpecialType.System_String &&
            (method.Name is "Format" or "Concat" || (method.Name == "Join" && _expandLists));

        private bool IsBuilderAppend(InvocationExpressionSyntax call) =>
            Model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol { Name: "Append" or "AppendLine" or "AppendFormat" } method &&
            StringTracer.IsStringBuilder(method.ContainingType);
    }
}
