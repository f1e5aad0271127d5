using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;
using Palisade.Analyzers.Sql;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// What both SQL code fixes need from a diagnostic: the SQL expression at the sink, the expression to rewrite (the
    /// same one, or the initializer of a local read only there), and the parameter plan. Null when no safe rewrite exists.
    /// </summary>
    internal sealed class SqlFixContext
    {
        private SqlFixContext(ExpressionSyntax sinkValue, ExpressionSyntax target, SqlParameterPlan plan, SemanticModel model)
        {
            SinkValue = sinkValue;
            Target = target;
            Plan = plan;
            Model = model;
        }

        /// <summary>The SQL argument or assigned value, as written at the sink.</summary>
        public ExpressionSyntax SinkValue { get; }

        /// <summary>The expression whose text is rewritten (the sink value or a local's initializer).</summary>
        public ExpressionSyntax Target { get; }

        public SqlParameterPlan Plan { get; }

        public SemanticModel Model { get; }

        public bool TargetIsInterpolated => Target is InterpolatedStringExpressionSyntax;

        /// <param name="reserveMemberPlaceholders">
        /// True for ADO.NET: a placeholder name already written in this member ("@name") may be a parameter already
        /// added to the same command, so the new one takes another name (a second "@name" would fail at run time).
        /// </param>
        public static async Task<SqlFixContext?> CreateAsync(Document document, Diagnostic diagnostic, bool allowLocal, bool reserveMemberPlaceholders, CancellationToken cancellationToken)
        {
            var sink = await SqlSinkValue.LoadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (sink is null)
            {
                return null;
            }

            var target = sink.Syntax;
            if (StringTracer.Unwrap(sink.Operation) is ILocalReferenceOperation local)
            {
                if (!allowLocal || !TryGetSingleUseInitializer(local.Local, sink.Syntax, sink.Model, cancellationToken, out target))
                {
                    return null;
                }
            }

            var plan = SqlParameterPlan.Create(sink.Composition, target, reserveMemberPlaceholders ? PlaceholdersIn(sink.Syntax) : null);
            return plan is null ? null : new SqlFixContext(sink.Syntax, target, plan, sink.Model);
        }

        /// <summary>Names written as "@name" in the string literals of the member around <paramref name="node"/>.</summary>
        internal static HashSet<string> PlaceholdersIn(SyntaxNode node)
        {
            var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node;
            foreach (var token in member.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) && token.ValueText.Length > 1 && token.ValueText[0] == '@' &&
                    token.ValueText.Skip(1).All(c => char.IsLetterOrDigit(c) || c == '_'))
                {
                    names.Add(token.ValueText.Substring(1));
                }
            }

            return names;
        }

        /// <summary>A local declared with an initializer, never assigned again, and read only at the sink.</summary>
        private static bool TryGetSingleUseInitializer(ILocalSymbol local, ExpressionSyntax use, SemanticModel model, CancellationToken cancellationToken, out ExpressionSyntax initializer)
        {
            initializer = use;
            if (local.DeclaringSyntaxReferences.Length != 1 ||
                local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator ||
                declarator.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is null)
            {
                return false;
            }

            var body = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            var references = body?.DescendantNodes()
                .OfType<IdentifierNameSyntax>()
                .Where(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local))
                .ToList();
            if (references is null || references.Count != 1 || references[0] != use)
            {
                return false;
            }

            initializer = value;
            return true;
        }
    }

    /// <summary>The SQL value at a diagnostic: its syntax, operation, composition and the tracer that made it.</summary>
    internal sealed class SqlSinkValue
    {
        private SqlSinkValue(ExpressionSyntax syntax, IOperation operation, StringComposition composition, StringTracer tracer, SemanticModel model)
        {
            Syntax = syntax;
            Operation = operation;
            Composition = composition;
            Tracer = tracer;
            Model = model;
        }

        public ExpressionSyntax Syntax { get; }

        public IOperation Operation { get; }

        public StringComposition Composition { get; }

        public StringTracer Tracer { get; }

        public SemanticModel Model { get; }

        public static async Task<SqlSinkValue?> LoadAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var sinkValue = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression;
            if (sinkValue is null || model.GetOperation(sinkValue, cancellationToken) is not { } operation)
            {
                return null;
            }

            var tree = sinkValue.SyntaxTree;
            var options = document.Project.AnalyzerOptions;
            var settings = SqlSettings.Create(
                model.Compilation,
                PalisadeOptions.GetString(options, tree, SqlSettings.AdditionalSinksKey),
                PalisadeOptions.GetString(options, tree, SqlSettings.SanitizersKey) ?? PalisadeOptions.GetGlobalString(options, SqlSettings.SanitizersKey));
            var composition = settings.Tracer.Decompose(operation, cancellationToken);
            return new SqlSinkValue(sinkValue, operation, composition, settings.Tracer, model);
        }
    }
}
