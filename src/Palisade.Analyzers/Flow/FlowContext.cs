using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// What every Palisade analyzer shares for one compilation: the known types, the local-flow index of each body,
    /// the summaries of methods (which parameters reach a SQL sink, which fields hold only literals). Built once per
    /// compilation and found again by any analyzer through <see cref="Get"/>.
    /// </summary>
    /// <remarks>
    /// Every cache here answers one question, and only complete answers are stored: an answer cut short by a depth
    /// limit or a cancellation is never cached, so results do not depend on which file or thread asked first.
    /// </remarks>
    internal sealed class FlowContext
    {
        private static readonly ConditionalWeakTable<Compilation, FlowContext> Contexts = new ConditionalWeakTable<Compilation, FlowContext>();

        private readonly ConditionalWeakTable<IOperation, ReachingWrites> _flows = new ConditionalWeakTable<IOperation, ReachingWrites>();

        private readonly ConcurrentDictionary<System.Type, object> _shared = new ConcurrentDictionary<System.Type, object>();
        private readonly ConcurrentDictionary<(FileOptions Options, string Kind), object> _derived = new ConcurrentDictionary<(FileOptions Options, string Kind), object>();

        private FlowContext(Compilation compilation)
        {
            Compilation = compilation;
            Types = new KnownTypes(compilation);
        }

        public Compilation Compilation { get; }

        public KnownTypes Types { get; }

        /// <summary>Read-only string fields holding constant text (question: "is this field a literal?").</summary>
        public ConcurrentDictionary<ISymbol, bool> LiteralFields { get; } = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>Read-only collections of constant text (question: "is this field a table of literals?").</summary>
        public ConcurrentDictionary<ISymbol, bool> LiteralTables { get; } = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>
        /// A compilation-bound object derived from one file's options (a tracer with its sanitizers, a sink list),
        /// built once per options section and kind, so files that share a section share it.
        /// </summary>
        public T Derived<T>(FileOptions options, string kind, System.Func<FileOptions, T> create)
            where T : class
        {
            return (T)_derived.GetOrAdd((options, kind), key => create(key.Options));
        }

        /// <summary>
        /// A per-compilation object one rule family needs in several analyzers (the logging symbols, the SQL sinks),
        /// built once for all of them.
        /// </summary>
        public T Shared<T>(System.Func<Compilation, T> create)
            where T : class
        {
            return (T)_shared.GetOrAdd(typeof(T), _ => create(Compilation));
        }

        public static FlowContext Get(Compilation compilation) => Contexts.GetValue(compilation, c => new FlowContext(c));

        /// <summary>The local-flow index of the body that holds <paramref name="operation"/>, built on first use.</summary>
        public ReachingWrites FlowOf(IOperation operation, CancellationToken cancellationToken)
        {
            var root = StringTracer.RootOf(operation);
            if (_flows.TryGetValue(root, out var existing))
            {
                return existing;
            }

            // Built outside the table's lock; a cancelled build throws and stores nothing.
            var built = ReachingWrites.Build(root, cancellationToken);
            return _flows.GetValue(root, _ => built);
        }
    }
}
