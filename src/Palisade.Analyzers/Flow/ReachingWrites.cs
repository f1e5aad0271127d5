using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// Which writes of a local can reach a given read, from Roslyn's <see cref="ControlFlowGraph"/> of one body.
    /// A write overwritten on every path before the read does not reach it; a write after the read reaches it only
    /// through a loop. Writes and reads are matched between the graph and the operation tree by syntax.
    /// </summary>
    /// <remarks>
    /// The graph is indexed once (every local write and read, in evaluation order, per block). A question walks
    /// backwards from the read's block through predecessors until each path meets a write of that local, so the cost
    /// of one question is the number of blocks between the read and its writes, not the size of the method.
    /// Exception handlers and finally blocks have no ordinary predecessors in the graph: a read there, like a read
    /// inside a lambda or of a captured local, gets every write of the local (the flow-insensitive answer).
    /// </remarks>
    internal sealed class ReachingWrites
    {
        private readonly LocalWrites _writes;
        private readonly IOperation _root;
        private readonly object _gate = new object();
        private volatile bool _graphBuilt;
        private ControlFlowGraph? _graph;
        private readonly Dictionary<SyntaxNode, Point> _reads = new Dictionary<SyntaxNode, Point>();
        private readonly Dictionary<(ILocalSymbol, int), List<Point>> _writesByBlock = new Dictionary<(ILocalSymbol, int), List<Point>>(LocalBlockComparer.Instance);

        private ReachingWrites(LocalWrites writes, IOperation root)
        {
            _writes = writes;
            _root = root;
        }

        public LocalWrites Writes => _writes;

        /// <summary>
        /// Indexes the body's writes now; the control flow graph is built only when a local with more than one write
        /// is asked about (most SQL and log values are built in a local assigned once).
        /// </summary>
        public static ReachingWrites Build(IOperation root, CancellationToken cancellationToken) =>
            new ReachingWrites(LocalWrites.Build(root, cancellationToken), root);

        private ControlFlowGraph? Graph(CancellationToken cancellationToken)
        {
            if (_graphBuilt)
            {
                return _graph;
            }

            lock (_gate)
            {
                if (!_graphBuilt)
                {
                    // A cancelled build throws before _graphBuilt is set, so the next question builds it again.
                    _reads.Clear();
                    _writesByBlock.Clear();
                    var graph = TryCreateGraph(_root, cancellationToken);
                    if (graph is not null)
                    {
                        IndexGraph(graph, cancellationToken);
                    }

                    _graph = graph;
                    _graphBuilt = true;
                }
            }

            return _graph;
        }

        /// <summary>
        /// The writes of the local read at <paramref name="read"/> that can reach it, in source order. The answer is
        /// every write of the local when the graph cannot tell (see remarks).
        /// </summary>
        public IReadOnlyList<LocalWrite> For(ILocalReferenceOperation read, CancellationToken cancellationToken)
        {
            var all = _writes.WritesOf(read.Local);
            if (all.Count <= 1 || _writes.IsCaptured(read.Local))
            {
                return all;
            }

            if (StraightLineWrite(read, all) is { } only)
            {
                return new[] { only };
            }

            if (Graph(cancellationToken) is null || !_reads.TryGetValue(read.Syntax, out var at))
            {
                return all;
            }

            var found = new List<Point>();
            if (!Collect(read.Local, at, found, cancellationToken))
            {
                return all;
            }

            var result = new List<LocalWrite>(found.Count);
            foreach (var point in found)
            {
                var write = point.Key is null ? null : _writes.WriteAt(point.Key);
                if (write is null)
                {
                    // A write the graph has and the tree index does not: do not guess.
                    return all;
                }

                if (!result.Contains(write))
                {
                    result.Add(write);
                }
            }

            result.Sort((a, b) => a.Position.CompareTo(b.Position));
            return result;
        }

        /// <summary>
        /// The common case answered without the graph: the last write before the read is a statement of its own in a
        /// block, and the read sits in a later statement of the same block, with no write of the local after the read
        /// inside a loop around it. That write then runs on every path to the read and hides every earlier one.
        /// Long straight-line methods stay linear this way; Roslyn's graph builder grows faster than the method on
        /// thousands of sequential using blocks.
        /// </summary>
        private LocalWrite? StraightLineWrite(ILocalReferenceOperation read, IReadOnlyList<LocalWrite> all)
        {
            if (_writes.HasJumps)
            {
                return null;
            }

            var position = read.Syntax.SpanStart;
            var index = LastBefore(all, position);
            if (index < 0)
            {
                return null;
            }

            var write = all[index];
            var writeStatement = write.Key.FirstAncestorOrSelf<StatementSyntax>();
            if (writeStatement?.Parent is not BlockSyntax block || !IsPlainStatement(writeStatement, write.Key))
            {
                return null;
            }

            // The statement of the same block that holds the read, and the end of the outermost loop around the read in it.
            SyntaxNode? readStatement = read.Syntax;
            var loopEnd = 0;
            while (readStatement is not null && readStatement.Parent != block)
            {
                if (readStatement is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
                {
                    loopEnd = readStatement.Span.End;
                }

                readStatement = readStatement.Parent;
                if (readStatement is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return null;
                }
            }

            if (readStatement is null || readStatement.SpanStart < writeStatement.Span.End)
            {
                return null;
            }

            if (index + 1 < all.Count && all[index + 1].Position < loopEnd)
            {
                return null;
            }

            return write;
        }

        /// <summary>A declaration or an expression statement whose whole effect on the local is this one write.</summary>
        private static bool IsPlainStatement(StatementSyntax statement, SyntaxNode key) =>
            statement switch
            {
                LocalDeclarationStatementSyntax => key is VariableDeclaratorSyntax,
                ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } => assignment.Left == key && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
                _ => false,
            };

        private static int LastBefore(IReadOnlyList<LocalWrite> writes, int position)
        {
            int low = 0, high = writes.Count - 1, found = -1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (writes[middle].Position < position)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return found;
        }

        /// <summary>Collects the last write on every path into <paramref name="at"/>; false when a path leaves the graph's knowledge.</summary>
        private bool Collect(ILocalSymbol local, Point at, List<Point> found, CancellationToken cancellationToken)
        {
            var inBlock = LastWriteBefore(local, at.Block, at.Order);
            if (inBlock is { } direct)
            {
                found.Add(direct);
                return true;
            }

            var visited = new HashSet<int>();
            var pending = new Stack<BasicBlock>();
            Enqueue(_graph!.Blocks[at.Block], pending);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var block = pending.Pop();
                if (!visited.Add(block.Ordinal))
                {
                    continue;
                }

                if (LastWriteBefore(local, block.Ordinal, int.MaxValue) is { } write)
                {
                    found.Add(write);
                    continue;
                }

                if (block.Kind == BasicBlockKind.Entry)
                {
                    continue;
                }

                if (block.Predecessors.IsEmpty && block.IsReachable)
                {
                    // The start of a catch or finally region: entered through exceptional flow the graph does not draw.
                    return false;
                }

                Enqueue(block, pending);
            }

            return true;
        }

        private static void Enqueue(BasicBlock block, Stack<BasicBlock> pending)
        {
            foreach (var predecessor in block.Predecessors)
            {
                pending.Push(predecessor.Source);
            }
        }

        /// <summary>The last write of the local in the block numbered before <paramref name="order"/> (binary search: writes are in order).</summary>
        private Point? LastWriteBefore(ILocalSymbol local, int block, int order)
        {
            if (!_writesByBlock.TryGetValue((local, block), out var list))
            {
                return null;
            }

            int low = 0, high = list.Count - 1, found = -1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (list[middle].Order < order)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return found < 0 ? null : list[found];
        }

        private void IndexGraph(ControlFlowGraph graph, CancellationToken cancellationToken)
        {
            var order = 0;
            var stack = new Stack<(IOperation Operation, bool Visited)>();
            foreach (var block in graph.Blocks)
            {
                void Index(IOperation top)
                {
                    // Post-order: an assignment's value (and a += target's read) is numbered before the write itself.
                    stack.Push((top, false));
                    while (stack.Count > 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var (operation, visited) = stack.Pop();
                        if (!visited)
                        {
                            stack.Push((operation, true));
                            var children = new List<IOperation>(operation.ChildOperations);
                            for (var i = children.Count - 1; i >= 0; i--)
                            {
                                stack.Push((children[i], false));
                            }

                            continue;
                        }

                        order++;
                        Record(operation, block.Ordinal, order);
                    }
                }

                foreach (var operation in block.Operations)
                {
                    Index(operation);
                }

                if (block.BranchValue is not null)
                {
                    Index(block.BranchValue);
                }
            }
        }

        private void Record(IOperation operation, int block, int order)
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    if (IsWriteOnly(reference))
                    {
                        AddWrite(reference.Local, block, order, LocalWrites.KeyOf(reference.Syntax));
                    }
                    else if (!reference.IsDeclaration)
                    {
                        // Also the read half of +=: its write is recorded when the assignment itself is numbered, after its value.
                        _reads[reference.Syntax] = new Point(block, order, null);
                    }

                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation incremented }:
                    AddWrite(incremented.Local, block, order, incremented.Syntax);
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol patternLocal } pattern:
                    AddWrite(patternLocal, block, order, pattern.Syntax);
                    break;
                case IAssignmentOperation { Syntax: AssignmentExpressionSyntax assignment } when !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                                                                                        _writes.WriteAt(assignment.Left) is { } written:
                    // x += y and x ??= y: the graph may lower the target into a capture (when y branches), so the write
                    // is recognised by the assignment's own syntax, whatever shape its target took.
                    AddWrite(written.Local, block, order, assignment.Left);
                    break;
            }
        }

        /// <summary>A local reference that only receives a value (=, out, deconstruction); += and ++ also read it.</summary>
        private static bool IsWriteOnly(ILocalReferenceOperation reference)
        {
            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    return true;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref }:
                    return true;
                case IDeclarationExpressionOperation:
                    return true;
                case ITupleOperation:
                    return LocalWrites.IsDeconstructionTarget(reference);
                default:
                    return false;
            }
        }

        private void AddWrite(ILocalSymbol local, int block, int order, SyntaxNode key)
        {
            if (!_writesByBlock.TryGetValue((local, block), out var list))
            {
                list = new List<Point>();
                _writesByBlock.Add((local, block), list);
            }

            if (list.Count > 0 && list[list.Count - 1].Key == key)
            {
                return;
            }

            list.Add(new Point(block, order, key));
        }

        private static ControlFlowGraph? TryCreateGraph(IOperation root, CancellationToken cancellationToken)
        {
            try
            {
                return root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                    IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
                    IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                    IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                    IParameterInitializerOperation parameter => ControlFlowGraph.Create(parameter, cancellationToken),
                    _ => null,
                };
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Code the compiler could not fully bind while the user types: fall back to every write.
                return null;
            }
        }

        private readonly struct Point
        {
            public Point(int block, int order, SyntaxNode? key)
            {
                Block = block;
                Order = order;
                Key = key;
            }

            public int Block { get; }

            public int Order { get; }

            public SyntaxNode? Key { get; }
        }

        private sealed class LocalBlockComparer : IEqualityComparer<(ILocalSymbol Local, int Block)>
        {
            public static readonly LocalBlockComparer Instance = new LocalBlockComparer();

            public bool Equals((ILocalSymbol Local, int Block) x, (ILocalSymbol Local, int Block) y) =>
                x.Block == y.Block && SymbolEqualityComparer.Default.Equals(x.Local, y.Local);

            public int GetHashCode((ILocalSymbol Local, int Block) obj) =>
                (SymbolEqualityComparer.Default.GetHashCode(obj.Local) * 397) ^ obj.Block;
        }
    }
}
