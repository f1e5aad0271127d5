using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;
using Palisade.Analyzers.Sql;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// One place where a piece of the SQL text is written, rewritten on its own: a StringBuilder Append chain
    /// (<c>sb.Append(" AND Name = '").Append(name).Append("'")</c>), a <c>+=</c> or assignment to a string, a local's
    /// initializer, a StringBuilder's constructor text. Its parameters are added right after its statement, so an
    /// append made under a condition adds its parameter under the same condition.
    /// </summary>
    internal sealed class SqlPiece
    {
        private readonly System.Func<System.Func<SqlParameterPlan.SqlParameter, ExpressionSyntax?>?, ExpressionSyntax> _build;

        public SqlPiece(StatementSyntax statement, ExpressionSyntax replaced, System.Func<System.Func<SqlParameterPlan.SqlParameter, ExpressionSyntax?>?, ExpressionSyntax> build, IReadOnlyList<SqlParameterPlan.SqlParameter> parameters)
        {
            Statement = statement;
            Replaced = replaced;
            _build = build;
            Replacement = build(null);
            Parameters = parameters;
        }

        /// <summary>The rewrite with each placeholder written as the given expression (a name local computed in a loop).</summary>
        public ExpressionSyntax ReplacementWith(System.Func<SqlParameterPlan.SqlParameter, ExpressionSyntax?> placeholder) => _build(placeholder);

        /// <summary>The statement that writes this piece; parameters are added after it.</summary>
        public StatementSyntax Statement { get; }

        public ExpressionSyntax Replaced { get; }

        public ExpressionSyntax Replacement { get; }

        public IReadOnlyList<SqlParameterPlan.SqlParameter> Parameters { get; }
    }
}
