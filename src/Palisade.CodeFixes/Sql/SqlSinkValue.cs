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
