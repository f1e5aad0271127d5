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

            if (!TryMatch(sql, model, cancellationToken, out var pieces, out var lists))
            {
                return null;
            }

            var site = AdoNetSite.Find(sql, model, cancellationToken);
            if (site is null || site.InsertAtStartOf is not null || site.ReusedAcrossLoopTurns(cancellationToken) || !site.CommandExistsAt(site.Statement, cancellationToken))
            {
                return null;
            }

            var prefixesGiven = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            var names = lists.Select(list =>
            {
                var baseName = Singular(SqlParameterPlan.NameFor(list.Values));
                var prefix = UniquePrefix(baseName, sql, prefixesGiven);
                return (list.Index, list.Values, Prefix: prefix, List: site.UniqueLocalName(baseName + "Parameters"), Item: site.UniqueLocalName("item"), Name: site.UniqueLocalName("parameterName"));
            }).ToList();

            return editor =>
            {
                var g = editor.Generator;
                var inserted = new List<SyntaxNode>();
                var placeholders = new Dictionary<int, ExpressionSyntax>();
                foreach (var list in names)
                {
                    var local = SyntaxFactory.IdentifierName(list.List);
                    var count = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, local, SyntaxFactory.IdentifierName("Count"));
                    var body = new List<SyntaxNode>
                    {
                        g.LocalDeclarationStatement(list.Name, g.AddExpression(g.LiteralExpression("@" + list.Prefix + "_"), count)),
                        g.ExpressionStatement(g.InvocationExpression(g.MemberAccessExpression(local, "Add"), g.IdentifierName(list.Name))),
                    };
                    var value = g.CoalesceExpression(g.IdentifierName(list.Item), g.LiteralExpression(string.Empty));
                    body.AddRange(ParameterizeSqlCodeFix.AddParameterStatements(g, site, new[] { ((SyntaxNode)g.IdentifierName(list.Name), (SyntaxNode)value, list.Prefix + "Parameter") }));
                    var loop = SyntaxFactory.ForEachStatement(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.Identifier(list.Item),
                        list.Values.WithoutTrivia(),
                        SyntaxFactory.Block(body.Cast<StatementSyntax>()));
                    var declareList = ListOf(g, list.List, "string");
                    inserted.Add((inserted.Count == 0 ? declareList.WithLeadingTrivia(site.Statement.GetLeadingTrivia()) : declareList).WithAdditionalAnnotations(Formatter.Annotation));
                    inserted.Add(loop.WithAdditionalAnnotations(Formatter.Annotation));
                    placeholders[list.Index] = Placeholders(g, list.List);
                }

                editor.ReplaceNode(sql, NewSql(sql, pieces, placeholders).WithTriviaFrom(sql));
                editor.InsertBefore(site.Statement, inserted);
            };
        }

        /// <summary>
        /// Constant text around one or more <c>string.Join("','", values)</c> of strings, each inside <c>IN ('...')</c>;
        /// <paramref name="lists"/> holds each join's piece index and its values.
        /// </summary>
        internal static bool TryMatch(ExpressionSyntax sql, SemanticModel model, CancellationToken cancellationToken, out List<(string? Text, InvocationExpressionSyntax? Join)> pieces, out List<(int Index, ExpressionSyntax Values)> lists)
        {
            lists = new List<(int Index, ExpressionSyntax Values)>();
            pieces = Pieces(sql, model, cancellationToken) ?? new List<(string? Text, InvocationExpressionSyntax? Join)>();
            for (var index = 0; index < pieces.Count; index++)
            {
                if (pieces[index].Join is not { } join)
                {
                    continue;
                }

                if (index == 0 || index == pieces.Count - 1 || pieces[index - 1].Text is not { } before || pieces[index + 1].Text is not { } after ||
                    !Open.IsMatch(before) || !Close.IsMatch(after) || !IsStringJoin(join, model, cancellationToken, out var values))
                {
                    return false;
                }

                lists.Add((index, values));
            }

            return lists.Count > 0;
        }

        /// <summary>The SQL in the literal kind of <paramref name="sql"/>, the quotes around each list gone and its placeholders in its place.</summary>
        internal static ExpressionSyntax NewSql(ExpressionSyntax sql, List<(string? Text, InvocationExpressionSyntax? Join)> pieces, IReadOnlyDictionary<int, ExpressionSyntax> placeholders)
        {
            var newPieces = new List<(string? Text, SyntaxNode? Hole)>();
            for (var i = 0; i < pieces.Count; i++)
            {
                if (pieces[i].Text is not { } text)
                {
                    newPieces.Add((null, placeholders[i]));
                    continue;
                }

                if (i + 1 < pieces.Count && pieces[i + 1].Join is not null)
                {
                    text = text.Substring(0, text.Length - 1);
                }

                if (i > 0 && pieces[i - 1].Join is not null)
                {
                    text = text.Substring(1);
                }

                if (text.Length > 0)
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
        internal static string UniquePrefix(string name, SyntaxNode inside, ISet<string> given)
        {
            var member = inside.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? inside;
            var texts = member.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                .Select(t => t.ValueText)
                .ToList();
            var candidate = name;
            for (var n = 2; given.Contains(candidate) || texts.Any(t => t.IndexOf("@" + candidate, System.StringComparison.OrdinalIgnoreCase) >= 0); n++)
            {
                candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            given.Add(candidate);
            return candidate;
        }
    }
}
