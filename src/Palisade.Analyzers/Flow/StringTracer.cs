using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// Answers "where does this string come from?": splits a string-valued <see cref="IOperation"/> into constant text
    /// and holes (<see cref="StringComposition"/>), and says for each hole whether it can carry attacker-chosen text.
    /// </summary>
    /// <remarks>
    /// Followed: <c>+</c>, interpolation, <c>string.Concat/Format/Join</c>, ternaries, switch expressions, <c>??</c>,
    /// locals of the same method (every assignment, <c>+=</c> in loops and branches), <c>StringBuilder</c> locals
    /// (constructor text, <c>Append*</c>, <c>AppendLine</c>, <c>AppendFormat</c>, <c>AppendJoin</c>, <c>Insert</c>,
    /// <c>Replace</c>, then <c>ToString()</c>), and methods of the same compilation that return a string built from
    /// their parameters (up to three calls deep; the call's arguments stand in for the parameters).
    /// Safe holes: numbers, bool, Guid, DateTime(Offset), TimeSpan, DateOnly, TimeOnly, enums (and their nullable forms
    /// and ToString()); sanitizer results; a choice among safe branches; read-only fields initialized with literals;
    /// indexing a read-only dictionary or array of literals. A <c>char</c> is NOT safe: one quote is enough to escape.
    /// Everything else (parameters, properties, unknown calls, fields) is an untrusted hole.
    /// Create one tracer per compilation; it is thread-safe and holds no per-call state.
    /// </remarks>
    internal sealed partial class StringTracer
    {
        private const int MaxHelperDepth = 3;

        private readonly Compilation _compilation;
        private readonly FlowContext _context;
        private readonly MethodList _sanitizers;

        /// <summary>Fields whose initializer is safe text under this tracer's sanitizers (one question, one cache).</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, bool> _safeFields =
            new System.Collections.Concurrent.ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        public StringTracer(Compilation compilation, MethodList sanitizers)
        {
            _compilation = compilation;
            _context = FlowContext.Get(compilation);
            _sanitizers = sanitizers;
        }

        public FlowContext Context => _context;

        /// <summary>Splits <paramref name="value"/> into text and holes. Never throws on broken code: unknown shapes become holes.</summary>
        public StringComposition Decompose(IOperation value, CancellationToken cancellationToken = default) => Decompose(value, null, cancellationToken);

        /// <summary>Splits <paramref name="value"/> with a rule family's <paramref name="policy"/> judging each value met.</summary>
        public StringComposition Decompose(IOperation value, FlowPolicy? policy, CancellationToken cancellationToken)
        {
            var walk = new Walk(this, cancellationToken, null, policy);
            walk.Visit(value, Scope.Root);
            return new StringComposition(walk.Parts.ToImmutable(), walk.Exact);
        }

        /// <summary>True for the types whose text form cannot carry a quote or a keyword (see remarks).</summary>
        public static bool IsSafeType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments.Length == 1)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_DateTime:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return true;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            var ns = type.ContainingNamespace;
            if (ns is null || ns.ContainingNamespace is null || !ns.ContainingNamespace.IsGlobalNamespace)
            {
                return false;
            }

            if (ns.Name == "System")
            {
                switch (type.Name)
                {
                    case "Guid":
                    case "DateTimeOffset":
                    case "TimeSpan":
                    case "DateOnly":
                    case "TimeOnly":
                    case "Half":
                    case "Int128":
                    case "UInt128":
                        return true;
                }
            }

            return false;
        }

        /// <summary>System.Type and System.Reflection.MemberInfo: their names are identifiers of compiled code.</summary>
        public static bool IsReflectionMember(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is { Name: "MemberInfo", ContainingNamespace: { Name: "Reflection", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } ||
                    current is { Name: "Type", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        public static bool IsStringBuilder(ITypeSymbol? type) =>
            type is { Name: "StringBuilder", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>Removes conversions (boxing to object, string to object...) that do not change the text.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            var current = operation;
            while (true)
            {
                switch (current)
                {
                    case IConversionOperation conversion when !IsSafeType(conversion.Type) && conversion.Operand is not null:
                        current = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        continue;
                    case IInterpolatedStringHandlerCreationOperation handler:
                        current = handler.Content;
                        continue;
                    default:
                        return current;
                }
            }
        }

        /// <summary>The outermost operation of the method, lambda-free body or field initializer that holds <paramref name="operation"/>.</summary>
        public static IOperation RootOf(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        private static string ConstantText(object? value) => value switch
        {
            null => string.Empty,
            string s => s,
            bool b => b ? "True" : "False",
            char c => c.ToString(),
            System.IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        /// <summary>The parameters of the helper methods being followed, bound to the caller's arguments.</summary>
        private sealed class Scope
        {
            public static readonly Scope Root = new Scope(ImmutableDictionary<IParameterSymbol, (IOperation Value, Scope Scope)>.Empty.WithComparers(SymbolEqualityComparer.Default), 0);

            public Scope(ImmutableDictionary<IParameterSymbol, (IOperation Value, Scope Scope)> bindings, int depth)
            {
                Bindings = bindings;
                Depth = depth;
            }

            public ImmutableDictionary<IParameterSymbol, (IOperation Value, Scope Scope)> Bindings { get; }

            public int Depth { get; }
        }
    }
}
