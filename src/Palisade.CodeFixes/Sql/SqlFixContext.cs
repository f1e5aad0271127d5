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
}
