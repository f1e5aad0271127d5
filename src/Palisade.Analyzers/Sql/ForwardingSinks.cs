using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Sql
{
    /// <summary>
    /// Method summaries for one set of SQL settings: which string parameters of a method of this compilation reach a
    /// SQL sink unchanged ("ExecuteQuery(string sql)", a constructor that passes <c>: base(sql)</c>). Such a method is
    /// a sink for its callers. Answers are memoised; an answer that met a recursion cycle or the depth limit is never
    /// stored, so the result for a method is the same whichever caller, file or thread asks first.
    /// </summary>
    internal sealed class ForwardingSinks
    {
        /// <summary>Far deeper than real helper chains; only stops runaway recursion on generated code.</summary>
        private const int MaxDepth = 24;

        private readonly SqlSinks _sinks;
        private readonly SqlSettings _settings;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> _complete =
            new ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>>(SymbolEqualityComparer.Default);

        public ForwardingSinks(SqlSinks sinks, SqlSettings settings)
        {
            _sinks = sinks;
            _settings = settings;
        }

        /// <summary>The arguments of a call or object creation that the called method passes unchanged to a sink.</summary>
        public IEnumerable<SqlSinkMatch> ForwardedArguments(IOperation call, CancellationToken cancellationToken)
        {
            var (method, arguments) = call switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };

            // Every call of the compilation comes here, and nearly none forwards SQL: answer without allocating
            // for library methods and for methods already summarised.
            var definition = method?.OriginalDefinition;
            if (definition is null || definition.DeclaringSyntaxReferences.IsEmpty)
            {
                return Array.Empty<SqlSinkMatch>();
            }

            var ordinals = _complete.TryGetValue(definition, out var known) ? known : OrdinalsOf(definition, new Query(), cancellationToken).Ordinals;
            return ordinals.IsEmpty ? Array.Empty<SqlSinkMatch>() : Forwarded(call, method!, arguments, ordinals);
        }

        private static IEnumerable<SqlSinkMatch> Forwarded(IOperation call, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ImmutableArray<int> ordinals)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && ordinals.Contains(parameter.Ordinal) && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    var name = method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.Name;
                    yield return new SqlSinkMatch(SqlSinkKind.Forwarding, argument.Value, name + "(" + parameter.Name + ")", call);
                }
            }
        }

        private (ImmutableArray<int> Ordinals, bool Complete) OrdinalsOf(IMethodSymbol method, Query query, CancellationToken cancellationToken)
        {
            if (_complete.TryGetValue(method, out var known))
            {
                return (known, true);
            }

            if (method.DeclaringSyntaxReferences.IsEmpty || !HasStringParameter(method))
            {
                return (ImmutableArray<int>.Empty, true);
            }

            if (query.InProgress.Contains(method) || query.InProgress.Count >= MaxDepth)
            {
                return (ImmutableArray<int>.Empty, false);
            }

            if (query.Partial.TryGetValue(method, out var partial))
            {
                return (partial, false);
            }

            query.InProgress.Add(method);
            var complete = true;
            var ordinals = ImmutableArray.CreateBuilder<int>();
            var body = _settings.Tracer.BodyOf(method, null, cancellationToken);
            if (body is not null)
            {
                foreach (var operation in body.Descendants())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    complete &= CollectForwarded(operation, method, ordinals, query, cancellationToken);
                }
            }

            query.InProgress.Remove(method);
            ordinals.Sort();
            var result = ordinals.ToImmutable();
            if (complete)
            {
                _complete.TryAdd(method, result);
            }
            else
            {
                query.Partial[method] = result;
            }

            return (result, complete);
        }

        private bool CollectForwarded(IOperation operation, IMethodSymbol method, ImmutableArray<int>.Builder ordinals, Query query, CancellationToken cancellationToken)
        {
            if (_sinks.TryMatch(operation, _settings, out var match))
            {
                AddIfParameter(match.Value, method, ordinals, cancellationToken);
                return true;
            }

            var (target, arguments) = operation switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };

            if (target is null)
            {
                return true;
            }

            var (inner, complete) = OrdinalsOf(target.OriginalDefinition, query, cancellationToken);
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && inner.Contains(parameter.Ordinal))
                {
                    AddIfParameter(argument.Value, method, ordinals, cancellationToken);
                }
            }

            return complete;
        }

        /// <summary>The value is, whole and unchanged, one of <paramref name="method"/>'s own parameters.</summary>
        private void AddIfParameter(IOperation value, IMethodSymbol method, ImmutableArray<int>.Builder ordinals, CancellationToken cancellationToken)
        {
            var composition = _settings.Tracer.Decompose(value, cancellationToken);
            if (composition.Parts.Length == 1 &&
                composition.Parts[0].Source is { } source &&
                StringTracer.Unwrap(source) is IParameterReferenceOperation parameter &&
                SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, method) &&
                !ordinals.Contains(parameter.Parameter.Ordinal))
            {
                ordinals.Add(parameter.Parameter.Ordinal);
            }
        }

        private static bool HasStringParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (StringTracer.IsString(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The state of one top-level question: the methods being summarised, and answers cut short within it.</summary>
        private sealed class Query
        {
            public HashSet<IMethodSymbol> InProgress { get; } = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

            public Dictionary<IMethodSymbol, ImmutableArray<int>> Partial { get; } = new Dictionary<IMethodSymbol, ImmutableArray<int>>(SymbolEqualityComparer.Default);
        }
    }
}
