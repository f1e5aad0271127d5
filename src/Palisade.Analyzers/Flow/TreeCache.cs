using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// A per-tree answer computed once, for a rule that asks for it from nearly every callback (its settings for
    /// the file, say). The options provider takes three lookups per question; this takes one, and none when the
    /// thread asks about the same tree as last time, which the driver makes the common case by handing a thread
    /// one tree's operations after another. Create one per compilation.
    /// </summary>
    internal sealed class TreeCache<T>
        where T : class
    {
        private static int s_lastId;

        [ThreadStatic]
        private static Last? t_last;

        private readonly ConcurrentDictionary<SyntaxTree, T> _values = new ConcurrentDictionary<SyntaxTree, T>();
        private readonly Func<SyntaxTree, T> _create;
        private readonly int _id = Interlocked.Increment(ref s_lastId);

        public TreeCache(Func<SyntaxTree, T> create) => _create = create;

        public T For(SyntaxTree tree)
        {
            var last = t_last;
            if (last != null && last.Owner == _id && ReferenceEquals(last.Tree, tree))
            {
                return last.Value;
            }

            var value = _values.GetOrAdd(tree, _create);
            t_last = new Last(_id, tree, value);
            return value;
        }

        /// <summary>
        /// The last answer a thread got, with its cache by number rather than by reference: holding the cache would
        /// keep every tree of an old compilation alive; this holds one tree and one answer until the next question.
        /// </summary>
        private sealed class Last
        {
            public Last(int owner, SyntaxTree tree, T value)
            {
                Owner = owner;
                Tree = tree;
                Value = value;
            }

            public int Owner { get; }

            public SyntaxTree Tree { get; }

            public T Value { get; }
        }
    }
}
