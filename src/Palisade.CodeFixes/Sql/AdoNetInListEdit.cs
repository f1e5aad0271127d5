using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
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
    /// ADO.NET: <c>cmd.CommandText = "... IN ('" + string.Join("','", names) + "')";</c> (or the interpolated form)
    /// becomes one placeholder per element, each added as a parameter in a loop before the statement:
    /// <code>
    /// var nameParameters = new List&lt;string&gt;();
    /// foreach (var item in names)
    /// {
    ///     var parameterName = "@name_" + nameParameters.Count;
    ///     nameParameters.Add(parameterName);
    ///     cmd.Parameters.AddWithValue(parameterName, item ?? "");
    /// }
    /// cmd.CommandText = "... IN (" + (nameParameters.Count == 0 ? "''" : string.Join(", ", nameParameters)) + ")";
    /// </code>
    /// An empty list was <c>IN ('')</c> before and stays so (<c>IN ()</c> is a syntax error); a null element was written
    /// as nothing and is passed as "". Offered only for the narrow shape: an assignment statement of the command's text
    /// whose other parts are constant text, one join of strings with <c>','</c> or <c>', '</c> inside <c>IN ('...')</c>.
    /// </summary>
    internal static class AdoNetInListEdit
    {
        private static readonly Regex Open = new Regex(@"\bin\s*\(\s*'$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Close = new Regex(@"^'\s*\)", RegexOptions.CultureInvariant);

        public static System.Action<DocumentEditor>? Plan(SqlSinkValue sink, CancellationToken cancellationToken)
        {
            var model = sink.Model;
            var sql = sink.Syntax;
            if (sql.Parent is not AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } } assignment || assignment.Right != sql)
            {
                return null;
            }

            if (!TryMatch(sql, model, cancellationToken, out var pieces, out var index, out var values))
            {
                return null;
            }

            var site = AdoNetSite.Find(sql, model, cancellationToken);
            if (site is null || site.InsertAtStartOf is not null || site.ReusedAcrossLoopTurns(cancellationToken) || !site.CommandExistsAt(site.Statement, cancellationToken))
            {
                return null;
            }

            var baseName = Singular(SqlParameterPlan.NameFor(values));
            var prefix = UniquePrefix(baseName, sql);
            var listName = site.UniqueLocalName(baseName + "Parameters");
            var itemName = site.UniqueLocalName("item");
            var nameLocal = site.UniqueLocalName("parameterName");

            return editor =>
            {
                var g = editor.Generator;
                var list = SyntaxFactory.IdentifierName(listName);
                var count = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, list, SyntaxFactory.IdentifierName("Count"));
                var declareList = ListOf(g, listName, "string");
                var body = new List<SyntaxNode>
                {
                    g.LocalDeclarationStatement(nameLocal, g.AddExpression(g.LiteralExpression("@" + prefix + "_"), count)),
                    g.ExpressionStatement(g.InvocationExpression(g.MemberAccessExpression(list, "Add"), g.IdentifierName(nameLocal))),
                };
                var value = g.CoalesceExpression(g.IdentifierName(itemName), g.LiteralExpression(string.Empty));
                body.AddRange(ParameterizeSqlCodeFix.AddParameterStatements(g, site, new[] { ((SyntaxNode)g.IdentifierName(nameLocal), (SyntaxNode)value, prefix + "Parameter") }));
                var loop = SyntaxFactory.ForEachStatement(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.Identifier(itemName),
                    values.WithoutTrivia(),
                    SyntaxFactory.Block(body.Cast<StatementSyntax>()));

                var placeholders = Placeholders(g, listName);
                var newSql = NewSql(sql, pieces, index, placeholders);
                editor.ReplaceNode(sql, newSql.WithTriviaFrom(sql));
                editor.InsertBefore(site.Statement, new[]
                {
                    declareList.WithLeadingTrivia(site.Statement.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                    loop.WithAdditionalAnnotations(Formatter.Annotation),
                });
            };
        }

        /// <summary>
        /// Constant text around exactly one <c>string.Join("','", values)</c> of strings, inside <c>IN ('...')</c>.
        /// </summary>
        internal static bool TryMatch(ExpressionSyntax sql, SemanticModel model, CancellationToken cancellationToken, out List<(string? Text, InvocationExpressionSyntax? Join)> pieces, out int index, out ExpressionSyntax values)
        {
            values = sql;
            index = -1;
            pieces = Pieces(sql, model, cancellationToken) ?? new List<(string? Text, InvocationExpressionSyntax? Join)>();
            if (pieces.Count(p => p.Join is not null) != 1)
            {
                return false;
            }

            index = pieces.FindIndex(p => p.Join is not null);
            if (index == 0 || index == pieces.Count - 1 || pieces[index - 1].Text is not { } before || pieces[index + 1].Text is not { } after)
            {
                return false;
            }

            return Open.IsMatch(before) && Close.IsMatch(after) && IsStringJoin(pieces[index].Join!, model, cancellationToken, out values);
        }

        /// <summary>The SQL in the literal kind of <paramref name="sql"/>, the quotes around the list gone and <paramref name="placeholders"/> in its place.</summary>
        internal static ExpressionSyntax NewSql(ExpressionSyntax sql, List<(string? Text, InvocationExpressionSyntax? Join)> pieces, int index, ExpressionSyntax placeholders)
        {
            var newPieces = new List<(string? Text, SyntaxNode? Hole)>();
            for (var i = 0; i < pieces.Count; i++)
            {
                var text = pieces[i].Text;
                if (i == index)
                {
                    newPieces.Add((null, placeholders));
                    continue;
                }

                if (i == index - 1)
                {
                    text = text!.Substring(0, text.Length - 1);
                }
                else if (i == index + 1)
                {
                    text = text!.Substring(1);
                }

                if (text!.Length > 0)
                {
                    newPieces.Add((text, null));
                }
            }

            var style = SqlTextSyntax.From(sql);
            return sql is InterpolatedStringExpressionSyntax ? style.Interpolated(newPieces) : style.Concatenation(newPieces);
        }

        /// <summary><c>(list.Count == 0 ? "''" : string.Join(", ", list))</c>: an empty list keeps the old <c>IN ('')</c>.</summary>
        internal static ExpressionSyntax Placeholders(SyntaxGenerator g, string listName)
        {
            var list = SyntaxFactory.IdentifierName(listName);
            var count = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, list, SyntaxFactory.IdentifierName("Count"));
            return SyntaxFactory.ParenthesizedExpression(SyntaxFactory.ConditionalExpression(
                SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, count, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))),
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("''")),
                (ExpressionSyntax)g.InvocationExpression(g.MemberAccessExpression(g.TypeExpression(SpecialType.System_String), "Join"), g.LiteralExpression(", "), list)));
        }

        internal static SyntaxNode ListOf(SyntaxGenerator g, string listName, string elementType)
        {
            var listType = SyntaxFactory.ParseTypeName("System.Collections.Generic.List<" + elementType + ">").WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
            return g.LocalDeclarationStatement(listName, g.ObjectCreationExpression(listType));
        }

        /// <summary>Constant text and at most the one join: null when any other part is not constant.</summary>
        private static List<(string? Text, InvocationExpressionSyntax? Join)>? Pieces(ExpressionSyntax sql, SemanticModel model, CancellationToken cancellationToken)
        {
            var pieces = new List<(string? Text, InvocationExpressionSyntax? Join)>();
            void AddText(string text)
            {
                if (pieces.Count > 0 && pieces[pieces.Count - 1].Text is { } previous)
                {
                    pieces[pieces.Count - 1] = (previous + text, null);
                }
                else
                {
                    pieces.Add((text, null));
                }
            }

            bool Walk(ExpressionSyntax e)
            {
                if (model.GetConstantValue(e, cancellationToken) is { HasValue: true, Value: string constant })
                {
                    AddText(constant);
                    return true;
                }

                switch (e)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        return Walk(parenthesized.Expression);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) &&
                        model.GetTypeInfo(binary, cancellationToken).Type?.SpecialType == SpecialType.System_String:
                        return Walk(binary.Left) && Walk(binary.Right);
                    case InterpolatedStringExpressionSyntax interpolated when e == sql:
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax text)
                            {
                                AddText(text.TextToken.ValueText);
                            }
                            else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole)
                            {
                                if (!Walk(hole.Expression))
                                {
                                    return false;
                                }
                            }
                            else
                            {
                                return false;
                            }
                        }

                        return true;
                    case InvocationExpressionSyntax invocation:
                        pieces.Add((null, invocation));
                        return true;
                    default:
                        return false;
                }
            }

            return Walk(sql) ? pieces : null;
        }

        /// <summary><c>string.Join("','", values)</c> with a sequence or array of strings (not the params form).</summary>
        private static bool IsStringJoin(InvocationExpressionSyntax join, SemanticModel model, CancellationToken cancellationToken, out ExpressionSyntax values)
        {
            values = join;
            if (join.ArgumentList.Arguments.Count != 2 ||
                model.GetOperation(join, cancellationToken) is not IInvocationOperation { TargetMethod: { Name: "Join", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } call ||
                call.Arguments.Length != 2 ||
                call.Arguments[1].ArgumentKind != ArgumentKind.Explicit ||
                model.GetConstantValue(join.ArgumentList.Arguments[0].Expression, cancellationToken).Value is not ("','" or "', '"))
            {
                return false;
            }

            var parameterType = call.Arguments[1].Parameter?.Type;
            var isStrings = parameterType switch
            {
                IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_String,
                INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } sequence => sequence.TypeArguments[0].SpecialType == SpecialType.System_String,
                _ => false,
            };
            if (!isStrings || join.ArgumentList.Arguments[1].NameColon is not null || join.ArgumentList.Arguments[0].NameColon is not null)
            {
                return false;
            }

            values = join.ArgumentList.Arguments[1].Expression;
            return true;
        }

        internal static string Singular(string name) =>
            name.Length > 4 && name.EndsWith("ies", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 3) + "y" :
            name.Length > 3 && name.EndsWith("s", System.StringComparison.Ordinal) && !name.EndsWith("ss", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;

        /// <summary>A prefix no string in the member already mentions after "@" (the generated names are "@prefix_0", "@prefix_1"...).</summary>
        internal static string UniquePrefix(string name, SyntaxNode inside)
        {
            var member = inside.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? inside;
            var texts = member.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                .Select(t => t.ValueText)
                .ToList();
            var candidate = name;
            for (var n = 2; texts.Any(t => t.IndexOf("@" + candidate, System.StringComparison.OrdinalIgnoreCase) >= 0); n++)
            {
                candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
