using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Sql
{
    /// <summary>
    /// PAL1001 / PAL1002 / PAL1003 / PAL1004: SQL text reaching a SQL API. The four rules are four outcomes of one
    /// analysis of one value (is the text built here, where does each hole land, which API receives it, does the value
    /// come from a web request), so one analyzer reports them.
    /// </summary>
    /// <remarks>
    /// <para>Only SQL <em>built in the analysed code</em> is reported as PAL1001–PAL1003: constant text joined with a
    /// hole by concatenation, interpolation, Format/Concat/Join, StringBuilder or +=. A complete statement passed
    /// through unchanged (a parameter, field, property, method result, loop variable, collection element) is not built
    /// here: libraries that run their caller's SQL stay quiet. The exception is text from an untrusted entry point
    /// (a web request), reported as PAL1004 even when it is the whole statement.</para>
    /// <para>Helper methods: a method of this compilation that returns SQL built from its parameters is followed from
    /// the sink with the caller's arguments. A method (or constructor) that passes one of its string parameters
    /// unchanged to a sink becomes a sink itself, and its callers are checked instead (see <see cref="ForwardingSinks"/>).</para>
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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.SqlBuiltFromText, Descriptors.EfCoreRawSqlBuiltFromText, Descriptors.SqlIdentifierFromText, Descriptors.UntrustedInputExecutedAsSql);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var sinks = FlowContext.Get(compilation).Shared(SqlSinks.Create);
            if (!sinks.Any && !AnyFileConfiguresSinks(context.Options, compilation))
            {
                return;
            }

            var flow = FlowContext.Get(compilation);
            var state = new CompilationState(compilation, context.Options, sinks, new UntrustedInput(flow.Types));
            context.RegisterOperationAction(c => AnalyzeAssignment(c, state), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            context.RegisterOperationAction(c => AnalyzeCall(c, state), OperationKind.ObjectCreation, OperationKind.Invocation);
        }

        private static bool AnyFileConfiguresSinks(AnalyzerOptions options, Compilation compilation) =>
            PalisadeOptions.GetGlobalString(options, SqlSettings.AdditionalSinksKey) is not null ||
            compilation.SyntaxTrees.Any(tree => PalisadeOptions.GetString(options, tree, SqlSettings.AdditionalSinksKey) is not null);

        private static void AnalyzeAssignment(OperationAnalysisContext context, CompilationState state)
        {
            if (state.Sinks.TryMatchAssignment((IAssignmentOperation)context.Operation, out var match))
            {
                Analyze(context, state, state.SettingsFor(OperationTree.Of(context.Operation)), match);
            }
        }

        private static void AnalyzeCall(OperationAnalysisContext context, CompilationState state)
        {
            var operation = context.Operation;
            var settings = state.SettingsFor(OperationTree.Of(operation));
            if (state.Sinks.TryMatch(operation, settings, out var match))
            {
                Analyze(context, state, settings, match);
                return;
            }

            foreach (var forwarded in state.ForwardingFor(settings).ForwardedArguments(operation, context.CancellationToken))
            {
                Analyze(context, state, settings, forwarded);
            }
        }

        /// <param name="settings">The options of the file being analysed (the sink and its value are in that file).</param>
        private static void Analyze(OperationAnalysisContext context, CompilationState state, SqlSettings settings, SqlSinkMatch match)
        {
            var cancellationToken = context.CancellationToken;
            var alternatives = SqlAlternatives.Of(match.Value, settings.Tracer.Context, cancellationToken);
            string? untrusted = null;
            foreach (var alternative in alternatives)
            {
                // One value, judged whole: the text of each branch or reaching assignment on its own, so a branch that
                // passes a statement through is not read as a hole in the text another branch builds.
                var composition = settings.Tracer.Decompose(alternatives.Count == 1 ? match.Value : alternative, cancellationToken);
                if (!composition.HasUntrustedHoles || HasUnboundHole(composition))
                {
                    continue;
                }

                var builtHoles = new List<int>();
                foreach (var index in composition.UntrustedHoleIndexes())
                {
                    if (composition.Parts.Length > 1 && !SqlHolePositions.IsWholeStatement(composition, index))
                    {
                        builtHoles.Add(index);
                    }
                    else
                    {
                        untrusted ??= state.Untrusted.Describe(composition.Parts[index].Source);
                    }
                }

                if (builtHoles.Count > 0)
                {
                    context.ReportDiagnostic(CreateDiagnostic(match, composition, builtHoles, fixable: alternatives.Count == 1));
                    return;
                }
            }

            if (untrusted is not null)
            {
                // The whole statement comes from the request: nothing to parameterize, so no fix either.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UntrustedInputExecutedAsSql, match.Value.Syntax.GetLocation(), match.Name, untrusted));
            }
        }

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

        private static Diagnostic CreateDiagnostic(SqlSinkMatch match, StringComposition composition, List<int> holes, bool fixable)
        {
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

            fixable = fixable && composition.IsExact && !match.IsAppended && !match.IsLegacy && match.Kind is SqlSinkKind.AdoNet or SqlSinkKind.Dapper or SqlSinkKind.EfCore;
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

        /// <summary>What the analyzer keeps for one compilation: the sinks and the web-input model (summaries live with the settings).</summary>
        private sealed class CompilationState
        {
            private readonly TreeCache<SqlSettings> _settings;

            public CompilationState(Compilation compilation, AnalyzerOptions options, SqlSinks sinks, UntrustedInput untrusted)
            {
                _settings = new TreeCache<SqlSettings>(tree => SqlSettings.For(compilation, options, tree));
                Sinks = sinks;
                Untrusted = untrusted;
            }

            public SqlSinks Sinks { get; }

            public UntrustedInput Untrusted { get; }

            /// <summary>The file's SQL settings; every call in the compilation asks, so each tree's are looked up once.</summary>
            public SqlSettings SettingsFor(SyntaxTree tree) => _settings.For(tree);

            public ForwardingSinks ForwardingFor(SqlSettings settings) => settings.Forwarding(Sinks);
        }
    }
}
