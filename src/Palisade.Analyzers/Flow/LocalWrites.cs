using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Flow
{
    /// <summary>How a local receives a value.</summary>
    internal enum WriteKind
    {
        /// <summary>The local takes this value (declaration, =, ??=).</summary>
        Value,

        /// <summary>The local takes its previous value followed by this one (+=).</summary>
        Append,

        /// <summary>The local is a foreach variable over this collection.</summary>
        Element,

        /// <summary>Written by TryGetValue on a table of literals.</summary>
        Safe,

        /// <summary>Written in a way we do not follow (out/ref argument, pattern, deconstruction, other compound operators).</summary>
        Unknown,
    }

    /// <summary>One write to a local, in the operation tree the analyzers see.</summary>
    internal sealed class LocalWrite
    {
        public LocalWrite(ILocalSymbol local, WriteKind kind, IOperation operation, SyntaxNode key, IOperation? target)
        {
            Local = local;
            Kind = kind;
            Operation = operation;
            Key = key;
            Target = target;
        }

        public ILocalSymbol Local { get; }

        public WriteKind Kind { get; }

        /// <summary>The value written (for Value/Append/Element), or the writing operation (for Safe/Unknown).</summary>
        public IOperation Operation { get; }

        /// <summary>The syntax that identifies this write in both the operation tree and the control flow graph.</summary>
        public SyntaxNode Key { get; }

        /// <summary>For <c>+=</c>: the target reference, which also reads the previous value.</summary>
        public IOperation? Target { get; }

        public int Position => Key.SpanStart;
    }

    /// <summary>
    /// Every write to and read of every local in one executable body, found in one walk. Replaces a walk of the
    /// whole body per local per sink, which made long methods quadratic.
    /// </summary>
    internal sealed class LocalWrites
    {
        private static readonly IReadOnlyList<LocalWrite> NoWrites = new LocalWrite[0];
        private static readonly IReadOnlyList<ILocalReferenceOperation> NoReads = new ILocalReferenceOperation[0];

        private readonly Dictionary<ILocalSymbol, List<LocalWrite>> _writes = new Dictionary<ILocalSymbol, List<LocalWrite>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> _reads = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<SyntaxNode, LocalWrite> _byKey = new Dictionary<SyntaxNode, LocalWrite>();
        private readonly HashSet<ILocalSymbol> _captured = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private LocalWrites()
        {
        }

        public static LocalWrites Build(IOperation root, CancellationToken cancellationToken)
        {
            var index = new LocalWrites();
            index.Walk(root, null, cancellationToken);
            foreach (var list in index._writes.Values)
            {
                list.Sort((a, b) => a.Position.CompareTo(b.Position));
            }

            foreach (var list in index._reads.Values)
            {
                list.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            }

            return index;
        }

        /// <summary>Every write of <paramref name="local"/> in source order.</summary>
        public IReadOnlyList<LocalWrite> WritesOf(ILocalSymbol local) => _writes.TryGetValue(local, out var list) ? list : NoWrites;

        /// <summary>Every read of <paramref name="local"/> in source order.</summary>
        public IReadOnlyList<ILocalReferenceOperation> ReadsOf(ILocalSymbol local) => _reads.TryGetValue(local, out var list) ? list : NoReads;

        public LocalWrite? WriteAt(SyntaxNode key) => _byKey.TryGetValue(key, out var write) ? write : null;

        /// <summary>True when the body has goto or labels: statement order then says nothing about what ran before.</summary>
        public bool HasJumps { get; private set; }

        /// <summary>True when a lambda or local function reads or writes the local: its writes may run at any time.</summary>
        public bool IsCaptured(ILocalSymbol local) => _captured.Contains(local);

        /// <summary>The syntax that names a write of a local in both trees (the control flow graph lowers foreach).</summary>
        public static SyntaxNode KeyOf(SyntaxNode syntax) =>
            syntax.Parent is ForEachStatementSyntax loop && loop.Type == syntax ? loop : syntax;

        private void Walk(IOperation root, IOperation? function, CancellationToken cancellationToken)
        {
            // An explicit stack: very long methods must not overflow the analyzer's thread.
            var stack = new Stack<(IOperation Operation, IOperation? Function)>();
            stack.Push((root, function));
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (operation, inFunction) = stack.Pop();
                var childFunction = operation is IAnonymousFunctionOperation or ILocalFunctionOperation ? operation : inFunction;
                Record(operation, inFunction);
                foreach (var child in operation.ChildOperations)
                {
                    stack.Push((child, childFunction));
                }
            }
        }

        private void Record(IOperation operation, IOperation? function)
        {
            switch (operation)
            {
                case ILabeledOperation:
                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                    HasJumps = true;
                    break;
                case IVariableDeclaratorOperation declarator:
                    if (declarator.Parent is IForEachLoopOperation loop)
                    {
                        Add(declarator.Symbol, WriteKind.Element, loop.Collection, KeyOf(declarator.Syntax), null);
                    }
                    else if ((declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value) is { } initializer)
                    {
                        Add(declarator.Symbol, WriteKind.Value, initializer, declarator.Syntax, null);
                    }

                    MarkCapture(declarator.Symbol, function, declarator.Syntax);
                    break;
                case IForEachLoopOperation { LoopControlVariable: not IVariableDeclaratorOperation and not null } deconstructingLoop:
                    foreach (var reference in deconstructingLoop.LoopControlVariable.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        Add(reference.Local, WriteKind.Unknown, deconstructingLoop.LoopControlVariable, reference.Syntax, null);
                    }

                    break;
                case ILocalReferenceOperation reference:
                    MarkCapture(reference.Local, function, reference.Syntax);
                    RecordReference(reference);
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol patternLocal } pattern:
                    Add(patternLocal, WriteKind.Unknown, pattern, pattern.Syntax, null);
                    break;
            }
        }

        private void RecordReference(ILocalReferenceOperation reference)
        {
            var parent = reference.Parent;
            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    Add(reference.Local, WriteKind.Value, assignment.Value, reference.Syntax, null);
                    return;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound when compound.Target == reference:
                    Add(reference.Local, WriteKind.Append, compound.Value, reference.Syntax, reference);
                    AddRead(reference);
                    return;
                case ICompoundAssignmentOperation other when other.Target == reference:
                    Add(reference.Local, WriteKind.Unknown, other, reference.Syntax, null);
                    return;
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                    // x ??= y keeps x when it is set: both the earlier values and y reach later reads.
                    Add(reference.Local, WriteKind.Append, coalesce.Value, reference.Syntax, reference);
                    AddRead(reference);
                    return;
                case IIncrementOrDecrementOperation:
                    Add(reference.Local, WriteKind.Unknown, parent, reference.Syntax, null);
                    return;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                    AddArgumentWrite(reference, argument);
                    return;
                case IDeclarationExpressionOperation { Parent: IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } declaredArgument }:
                    AddArgumentWrite(reference, declaredArgument);
                    return;
            }

            if (IsDeconstructionTarget(reference))
            {
                Add(reference.Local, WriteKind.Unknown, reference, reference.Syntax, null);
                return;
            }

            if (!reference.IsDeclaration)
            {
                AddRead(reference);
            }
        }

        private void AddArgumentWrite(ILocalReferenceOperation reference, IArgumentOperation argument)
        {
            var safe = argument.Parent is IInvocationOperation { TargetMethod.Name: "TryGetValue", Instance: not null };
            Add(reference.Local, safe ? WriteKind.Safe : WriteKind.Unknown, argument, reference.Syntax, null);
        }

        /// <summary>A local on the left of a deconstruction (<c>(a, var b) = ...</c>, <c>var (a, b) = ...</c>).</summary>
        public static bool IsDeconstructionTarget(IOperation reference)
        {
            for (var current = reference.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ITupleOperation or IDeclarationExpressionOperation:
                        continue;
                    case IDeconstructionAssignmentOperation deconstruction:
                        return deconstruction.Target.Syntax.Span.Contains(reference.Syntax.Span);
                    default:
                        return false;
                }
            }

            return false;
        }

        private void Add(ILocalSymbol local, WriteKind kind, IOperation operation, SyntaxNode key, IOperation? target)
        {
            if (!_writes.TryGetValue(local, out var list))
            {
                list = new List<LocalWrite>();
                _writes.Add(local, list);
            }

            var write = new LocalWrite(local, kind, operation, key, target);
            list.Add(write);
            _byKey[key] = write;
        }

        private void AddRead(ILocalReferenceOperation reference)
        {
            if (!_reads.TryGetValue(reference.Local, out var list))
            {
                list = new List<ILocalReferenceOperation>();
                _reads.Add(reference.Local, list);
            }

            list.Add(reference);
        }

        /// <summary>A local used inside a nested function that does not declare it is shared with that function.</summary>
        private void MarkCapture(ILocalSymbol local, IOperation? function, SyntaxNode at)
        {
            if (function is null || _captured.Contains(local))
            {
                return;
            }

            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (!function.Syntax.Span.Contains(reference.Span))
                {
                    _captured.Add(local);
                    return;
                }
            }
        }
    }
}
