using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// EF Core: <c>FromSqlRaw("... IN ('" + string.Join("','", names) + "')")</c> (and ExecuteSqlRaw, SqlQueryRaw, the
    /// interpolated form) gets one parameter per element: the SQL is built with <c>{0}</c>..<c>{n}</c> placeholders
    /// and the values are passed to the same raw method, which makes each one a DbParameter:
    /// <code>
    /// var nameParameters = new List&lt;string&gt;();
    /// var nameValues = new List&lt;object&gt;();
    /// foreach (var item in names)
    /// {
    ///     nameParameters.Add("{" + nameValues.Count + "}");
    ///     nameValues.Add(item ?? "");
    /// }
    /// ctx.Users.FromSqlRaw("... IN (" + (nameParameters.Count == 0 ? "''" : string.Join(", ", nameParameters)) + ")", nameValues.ToArray());
    /// </code>
    /// An empty list keeps its old <c>IN ('')</c>. Offered only when the call passes nothing but the SQL, the statement
    /// sits in a block or is the body of an expression-bodied method (which gets a block body), outside any lambda, and
    /// the text holds no braces (EF Core formats it).
    /// </summary>
    internal static class EfCoreInListEdit
    {
        public static System.Action<DocumentEditor>? Plan(SqlSinkValue sink, CancellationToken cancellationToken)
        {
            var model = sink.Model;
            var sql = sink.Syntax;
            if (sql.Parent is not ArgumentSyntax { NameColon: null } argument ||
                argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } arguments ||
                model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call ||
                call.TargetMethod.Name is not ("FromSqlRaw" or "ExecuteSqlRaw" or "SqlQueryRaw") ||
                arguments.Arguments.Count != 1 ||
                !AdoNetInListEdit.TryMatch(sql, model, cancellationToken, out var pieces, out var lists) || lists.Count != 1 ||
                pieces.Any(p => p.Text is { } text && (text.IndexOf('{') >= 0 || text.IndexOf('}') >= 0)))
            {
                return null;
            }

            // The raw method must take "params object[]" right after the SQL.
            var sqlParameter = call.Arguments.FirstOrDefault(a => a.Syntax == argument)?.Parameter;
            var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            var next = sqlParameter is null ? null : method.Parameters.ElementAtOrDefault(sqlParameter.Ordinal + (call.TargetMethod.ReducedFrom is null ? 1 : 2));
            if (next is not { IsParams: true, Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Object } })
            {
                return null;
            }

            // The loop goes before the statement; an expression-bodied method gets a block body first.
            var arrowMethod = invocation.FirstAncestorOrSelf<ArrowExpressionClauseSyntax>() is { Parent: MethodDeclarationSyntax arrowParent } arrow &&
                              invocation.Ancestors().TakeWhile(n => n != arrow).All(n => n is not StatementSyntax)
                ? arrowParent
                : null;
            var statement = arrowMethod is null ? invocation.FirstAncestorOrSelf<StatementSyntax>() : null;
            SyntaxNode? scope = (SyntaxNode?)statement ?? arrowMethod?.ExpressionBody;
            if ((statement is not null && statement.Parent is not BlockSyntax) || scope is null ||
                invocation.Ancestors().TakeWhile(n => n != scope).Any(n => n is AnonymousFunctionExpressionSyntax or QueryExpressionSyntax) ||
                statement is LocalFunctionStatementSyntax)
            {
                return null;
            }

            var returnsValue = arrowMethod is not null && model.GetDeclaredSymbol(arrowMethod, cancellationToken) is { } methodSymbol && !methodSymbol.ReturnsVoid &&
                               !(methodSymbol.IsAsync && methodSymbol.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" });

            var (index, values) = lists[0];
            var baseName = AdoNetInListEdit.Singular(SqlParameterPlan.NameFor(values));
            var taken = AdoNetSite.DeclaredNames(scope);
            string Unique(string name)
            {
                var candidate = name;
                for (var n = 2; taken.Contains(candidate) || !model.LookupSymbols(scope.SpanStart, name: candidate).IsEmpty; n++)
                {
                    candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                taken.Add(candidate);
                return candidate;
            }

            var listName = Unique(baseName + "Parameters");
            var valuesName = Unique(baseName + "Values");
            var itemName = Unique("item");

            return editor =>
            {
                var g = editor.Generator;
                var valueList = SyntaxFactory.IdentifierName(valuesName);
                var count = g.MemberAccessExpression(valueList, "Count");
                var placeholder = g.AddExpression(g.AddExpression(g.LiteralExpression("{"), count), g.LiteralExpression("}"));
                var body = new[]
                {
                    (StatementSyntax)g.ExpressionStatement(g.InvocationExpression(g.MemberAccessExpression(g.IdentifierName(listName), "Add"), placeholder)),
                    (StatementSyntax)g.ExpressionStatement(g.InvocationExpression(g.MemberAccessExpression(valueList, "Add"), g.CoalesceExpression(g.IdentifierName(itemName), g.LiteralExpression(string.Empty)))),
                };
                var loop = SyntaxFactory.ForEachStatement(SyntaxFactory.IdentifierName("var"), SyntaxFactory.Identifier(itemName), values.WithoutTrivia(), SyntaxFactory.Block(body));

                var newSql = AdoNetInListEdit.NewSql(sql, pieces, new Dictionary<int, ExpressionSyntax> { [index] = AdoNetInListEdit.Placeholders(g, listName) }).WithTriviaFrom(sql);
                var valuesArgument = SyntaxFactory.Argument((ExpressionSyntax)g.InvocationExpression(g.MemberAccessExpression(valueList, "ToArray")));
                editor.ReplaceNode(arguments, (current, _) =>
                {
                    var list = (ArgumentListSyntax)current;
                    var first = list.Arguments[0];
                    return list.WithArguments(SyntaxFactory.SeparatedList(new[] { first.WithExpression(newSql), valuesArgument }));
                });
                if (statement is not null)
                {
                    editor.InsertBefore(statement, new SyntaxNode[]
                    {
                        AdoNetInListEdit.ListOf(g, listName, "string").WithLeadingTrivia(statement.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                        AdoNetInListEdit.ListOf(g, valuesName, "object").WithAdditionalAnnotations(Formatter.Annotation),
                        loop.WithAdditionalAnnotations(Formatter.Annotation),
                    });
                    return;
                }

                editor.ReplaceNode(arrowMethod!, (current, _) =>
                {
                    var method = (MethodDeclarationSyntax)current;
                    var expression = method.ExpressionBody!.Expression.WithoutLeadingTrivia();
                    StatementSyntax last = returnsValue ? SyntaxFactory.ReturnStatement(expression) : SyntaxFactory.ExpressionStatement(expression);
                    var block = SyntaxFactory.Block(
                        (StatementSyntax)AdoNetInListEdit.ListOf(g, listName, "string"),
                        (StatementSyntax)AdoNetInListEdit.ListOf(g, valuesName, "object"),
                        loop,
                        last);
                    return method
                        .WithExpressionBody(null)
                        .WithSemicolonToken(default)
                        .WithParameterList(method.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))
                        .WithBody(block)
                        .WithTrailingTrivia(method.GetTrailingTrivia())
                        .WithAdditionalAnnotations(Formatter.Annotation);
                });
            };
        }
    }
}
