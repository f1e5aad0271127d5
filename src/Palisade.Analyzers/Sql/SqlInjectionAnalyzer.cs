using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Sql
{
    /// <summary>
    /// PAL1001 / PAL1002 / PAL1003: SQL text with an untrusted hole reaching a SQL API. The three rules are three
    /// outcomes of one analysis of one value (where the hole lands, which API receives it), so one analyzer reports
    /// them: splitting it would trace every SQL value three times.
    /// </summary>
    /// <remarks>
    /// Helper methods: a method of this compilation that returns SQL built from its parameters is followed from the
    /// sink, so the diagnostic lands at the sink that receives the helper's result, naming the caller's hole. A method
    /// that passes one of its string parameters unchanged to a sink ("ExecuteQuery(string sql)") is not flagged
    /// itself; it becomes a sink, and the calls in this compilation that feed it built text are flagged instead.
    /// A method that splices its parameter into SQL ("WHERE " + filter) is flagged inside, where the splicing is.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SqlInjectionAnalyzer : PalisadeAnalyzer
    {
        /// <summary>Diagnostic property: the <see cref="SqlSinkKind"/> name.</summary>
        public const string SinkKindProperty = "SinkKind";

        /// <summary>Diagnostic property: "true" when the composition is exact and the code fix may rewrite it.</summary>
        public const string FixableProperty = "Fixable";

        /// <summary>Diagnostic property (PAL1002): the interpolated EF Core method to switch to.</summary>
        public const string SafeAlternativeProperty = "SafeAlternative";

        private const int MaxForwardingDepth = 2;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.SqlBuiltFromText, Descriptors.EfCoreRawSqlBuiltFromText, Descriptors.SqlIdentifierFromText);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var sinks = SqlSinks.Create(compilation);
            if (!sinks.Any && !AnyFileConfiguresSinks(context.Options, compilation))
            {
                return;
            }

            var state = new CompilationState(sinks, new SqlSettings.Cache(compilation));
            context.RegisterOperationAction(c => AnalyzeAssignment(c, state), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            context.RegisterOperationAction(c => AnalyzeCreation(c, state), OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
        }

        private static bool AnyFileConfiguresSinks(AnalyzerOptions options, Compilation compilation) =>
            PalisadeOptions.GetGlobalString(options, SqlSettings.AdditionalSinksKey) is not null ||
            compilation.SyntaxTrees.Any(tree => PalisadeOptions.GetString(options, tree, SqlSettings.AdditionalSinksKey) is not null);

        private static void AnalyzeAssignment(OperationAnalysisContext context, CompilationState state)
        {
            if (state.Sinks.TryMatchAssignment((IAssignmentOperation)context.Operation, out var match))
            {
                Analyze(context, state, match);
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, CompilationState state)
        {
            if (state.Sinks.TryMatchCreation((IObjectCreationOperation)context.Operation, out var match))
            {
                Analyze(context, state, match);
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, CompilationState state)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var settings = state.Settings.For(context.Options, invocation.Syntax.SyntaxTree);
            if (state.Sinks.TryMatchInvocation(invocation, out var match) || SqlSinks.TryMatchConfigured(invocation, settings.AdditionalSinks, out match))
            {
                Analyze(context, state, match);
                return;
            }

            foreach (var forwarded in state.ForwardedArguments(invocation, settings, 0, context.CancellationToken))
            {
                Analyze(context, state, forwarded);
            }
        }

        private static void Analyze(OperationAnalysisContext context, CompilationState state, SqlSinkMatch match)
        {
            var settings = state.Settings.For(context.Options, match.Value.Syntax.SyntaxTree);
            var composition = settings.Tracer.Decompose(match.Value, context.CancellationToken);
            if (!composition.HasUntrustedHoles || IsPassThrough(composition, context.ContainingSymbol) || HasUnboundHole(composition))
            {
                return;
            }

            context.ReportDiagnostic(CreateDiagnostic(match, composition));
        }

        /// <summary>The whole text is one of the enclosing method's parameters: the method is a sink for its callers.</summary>
        internal static bool IsPassThrough(StringComposition composition, ISymbol? method) =>
            composition.Parts.Length == 1 &&
            composition.Parts[0].Source is { } source &&
            StringTracer.Unwrap(source) is IParameterReferenceOperation parameter &&
            method is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } &&
            SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method);

        /// <summary>Code the compiler could not bind is already an error; reporting it too would only add noise.</summary>
        private static bool HasUnboundHole(StringComposition composition)
        {
            foreach (var part in composition.Parts)
            {
                if (part.Kind == StringPartKind.UntrustedHole &&
                    (part.Operation is IInvalidOperation || part.Source is IInvalidOperation || part.Source?.Type is IErrorTypeSymbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static Diagnostic CreateDiagnostic(SqlSinkMatch match, StringComposition composition)
        {
            var holes = composition.UntrustedHoleIndexes().ToList();
            var described = "text " + string.Join(", ", holes.Take(3).Select(i => "'" + Shorten(composition.Parts[i].Source ?? composition.Parts[i].Operation) + "'")) +
                            (holes.Count > 3 ? " and " + (holes.Count - 3) + " more" : string.Empty);
            var unparameterizable = holes
                .Select(i => SqlHolePositions.Classify(composition, i))
                .Where(p => !SqlHolePositions.CanBeParameter(p))
                .ToList();

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[SinkKindProperty] = match.Kind.ToString();
            var location = match.Value.Syntax.GetLocation();
            if (unparameterizable.Count > 0)
            {
                return Diagnostic.Create(Descriptors.SqlIdentifierFromText, location, properties.ToImmutable(), match.Name, described, SqlHolePositions.Describe(unparameterizable[0]));
            }

            var fixable = composition.IsExact && !match.IsAppended && match.Kind is SqlSinkKind.AdoNet or SqlSinkKind.Dapper or SqlSinkKind.EfCore;
            properties[FixableProperty] = fixable ? "true" : "false";
            if (match.Kind == SqlSinkKind.EfCore)
            {
                properties[SafeAlternativeProperty] = match.SafeAlternative;
                return Diagnostic.Create(Descriptors.EfCoreRawSqlBuiltFromText, location, properties.ToImmutable(), match.Name, described, match.SafeAlternative);
            }

            return Diagnostic.Create(Descriptors.SqlBuiltFromText, location, properties.ToImmutable(), match.Name, described);
        }

        private static string Shorten(IOperation? operation)
        {
            var text = operation?.Syntax.ToString() ?? "?";
            text = string.Join(" ", text.Split(new[] { '\r', '\n', ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= 40 ? text : text.Substring(0, 37) + "...";
        }

        /// <summary>What the analyzer keeps for one compilation: the sinks, the settings per option set, and which methods forward SQL.</summary>
        private sealed class CompilationState
        {
            private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> _forwardedOrdinals =
                new ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>>(SymbolEqualityComparer.Default);

            public CompilationState(SqlSinks sinks, SqlSettings.Cache settings)
            {
                Sinks = sinks;
                Settings = settings;
            }

            public SqlSinks Sinks { get; }

            public SqlSettings.Cache Settings { get; }

            /// <summary>The arguments of <paramref name="invocation"/> that the called method passes unchanged to a sink.</summary>
            public IEnumerable<SqlSinkMatch> ForwardedArguments(IInvocationOperation invocation, SqlSettings settings, int depth, CancellationToken cancellationToken)
            {
                var method = invocation.TargetMethod.OriginalDefinition;
                if (depth > MaxForwardingDepth || method.DeclaringSyntaxReferences.IsEmpty || !method.Parameters.Any(p => StringTracer.IsString(p.Type)))
                {
                    yield break;
                }

                // Cached at every depth: a method's answer does not depend on who asks, and the depth limit only stops cycles.
                if (!_forwardedOrdinals.TryGetValue(method, out var ordinals))
                {
                    ordinals = FindForwardedOrdinals(method, invocation, settings, depth, cancellationToken);
                    _forwardedOrdinals.TryAdd(method, ordinals);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter && ordinals.Contains(parameter.Ordinal) && argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        yield return new SqlSinkMatch(SqlSinkKind.Forwarding, argument.Value, method.Name + "(" + parameter.Name + ")", invocation);
                    }
                }
            }

            private ImmutableArray<int> FindForwardedOrdinals(IMethodSymbol method, IOperation near, SqlSettings settings, int depth, CancellationToken cancellationToken)
            {
                var body = settings.Tracer.BodyOf(method, near, cancellationToken);
                if (body is null)
                {
                    return ImmutableArray<int>.Empty;
                }

                var ordinals = ImmutableArray.CreateBuilder<int>();
                foreach (var operation in body.Descendants())
                {
                    foreach (var match in MatchesIn(operation, settings, depth, cancellationToken))
                    {
                        var composition = settings.Tracer.Decompose(match.Value, cancellationToken);
                        if (IsPassThrough(composition, method) &&
                            StringTracer.Unwrap(composition.Parts[0].Source!) is IParameterReferenceOperation parameter &&
                            !ordinals.Contains(parameter.Parameter.Ordinal))
                        {
                            ordinals.Add(parameter.Parameter.Ordinal);
                        }
                    }
                }

                return ordinals.ToImmutable();
            }

            private IEnumerable<SqlSinkMatch> MatchesIn(IOperation operation, SqlSettings settings, int depth, CancellationToken cancellationToken)
            {
                switch (operation)
                {
                    case IAssignmentOperation assignment when Sinks.TryMatchAssignment(assignment, out var match):
                        return new[] { match };
                    case IObjectCreationOperation creation when Sinks.TryMatchCreation(creation, out var match):
                        return new[] { match };
                    case IInvocationOperation invocation when Sinks.TryMatchInvocation(invocation, out var match) || SqlSinks.TryMatchConfigured(invocation, settings.AdditionalSinks, out match):
                        return new[] { match };
                    case IInvocationOperation invocation:
                        return ForwardedArguments(invocation, settings, depth + 1, cancellationToken).ToList();
                    default:
                        return Enumerable.Empty<SqlSinkMatch>();
                }
            }
        }
    }
}
