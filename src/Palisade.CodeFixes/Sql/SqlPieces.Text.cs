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
    /// <summary>How one piece's text is read (syntax walk, with the tracer for the leaves) and rewritten.</summary>
    internal sealed partial class SqlPieces
    {
        /// <summary>A string expression rewritten in place: the initializer, the right side of = or +=, a builder's constructor text.</summary>
        private SqlPiece? Plain(StatementSyntax statement, SyntaxNode top)
        {
            if (top is not ExpressionSyntax expression)
            {
                return null;
            }

            var items = new List<Item>();
            if (!Collect(expression, items))
            {
                return null;
            }

            var (build, parameters) = Rewrite(items, expression);
            return build is null ? null : new SqlPiece(statement, expression, build, parameters);
        }

        /// <summary><c>sb.Append(a).Append(b).AppendLine(c);</c> becomes one <c>sb.AppendLine(...)</c> (or Append) of the rewritten text.</summary>
        private SqlPiece? BuilderChain(InvocationExpressionSyntax inner)
        {
            var outer = inner;
            while (outer.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } && IsBuilderAppend(next))
            {
                outer = next;
            }

            if (outer.Parent is not ExpressionStatementSyntax statement)
            {
                return null;
            }

            var calls = new List<InvocationExpressionSyntax>();
            ExpressionSyntax receiver = outer;
            while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call && IsBuilderAppend(call))
            {
                calls.Insert(0, call);
                receiver = access.Expression;
            }

            if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
            {
                return null;
            }

            var items = new List<Item>();
            var endsWithLine = false;
            for (var i = 0; i < calls.Count; i++)
            {
                var call = calls[i];
                var name = ((MemberAccessExpressionSyntax)call.Expression).Name.Identifier.ValueText;
                var arguments = call.ArgumentList.Arguments;
                if (name == "AppendFormat")
                {
                    if (!CollectFormat(call, items))
                    {
                        return null;
                    }

                    continue;
                }

                if (arguments.Count > 1 || arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
                {
                    return null;
                }

                if (arguments.Count == 1 && !Collect(arguments[0].Expression, items))
                {
                    return null;
                }

                if (name == "AppendLine")
                {
                    if (i == calls.Count - 1)
                    {
                        endsWithLine = true;
                    }
                    else
                    {
                        items.Add(new Item(StringPart.ForText("\n"), null));
                    }
                }
            }

            var original = (ExpressionSyntax?)calls.SelectMany(c => c.ArgumentList.Arguments).FirstOrDefault()?.Expression ?? outer;
            var (text, parameters) = Rewrite(items, original);
            if (text is null)
            {
                return null;
            }

            ExpressionSyntax Build(System.Func<SqlParameterPlan.SqlParameter, ExpressionSyntax?>? placeholder) =>
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(endsWithLine ? "AppendLine" : "Append")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(text(placeholder)))))
                .WithTriviaFrom(outer);
            return new SqlPiece(statement, outer, Build, parameters);
        }

        /// <summary>AppendFormat with a constant format and its arguments written out: text and holes in order.</summary>
        private bool CollectFormat(InvocationExpressionSyntax call, List<Item> items)
        {
            if (Model.GetOperation(call, _cancellationToken) is not IInvocationOperation operation)
            {
                return false;
            }

            var format = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format");
            var args = new List<ExpressionSyntax>();
            foreach (var argument in operation.Arguments.Where(a => a.Parameter?.Name != "format").OrderBy(a => a.Parameter?.Ordinal ?? 0))
            {
                if (argument.Parameter?.Type.Name == "IFormatProvider")
                {
                    return false;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    args.AddRange(initializer.ElementValues.Select(e => e.Syntax as ExpressionSyntax).Where(e => e is not null)!);
                }
                else if (argument.Syntax is ArgumentSyntax explicitArgument)
                {
                    args.Add(explicitArgument.Expression);
                }
                else
                {
                    return false;
                }
            }

            if (format?.Value.ConstantValue is not { HasValue: true, Value: string text } || !FormatParser.TryParse(text, out var pieces))
            {
                return false;
            }

            foreach (var piece in pieces)
            {
                if (piece.Index < 0)
                {
                    items.Add(new Item(StringPart.ForText(piece.Text), null));
                }
                else if (piece.Index >= args.Count || piece.HasFormat || !Collect(args[piece.Index], items))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Splits an expression into text, holes and opaque sub-expressions; false when it cannot be rewritten.</summary>
        private bool Collect(ExpressionSyntax expression, List<Item> items)
        {
            var e = expression;
            while (e is ParenthesizedExpressionSyntax parenthesized)
            {
                e = parenthesized.Expression;
            }

            var constant = Model.GetConstantValue(e, _cancellationToken);
            if (constant.HasValue && constant.Value is string or char)
            {
                items.Add(new Item(StringPart.ForText(constant.Value.ToString() ?? string.Empty), null));
                return true;
            }

            if (e is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) && StringTracer.IsString(Model.GetTypeInfo(binary, _cancellationToken).Type))
            {
                return Collect(binary.Left, items) && Collect(binary.Right, items);
            }

            if (e is InterpolatedStringExpressionSyntax interpolated)
            {
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        // With an interpolated string handler (StringBuilder.Append($"...")) the text is an AppendLiteral call or its literal argument.
                        var textValue = Model.GetOperation(text, _cancellationToken) switch
                        {
                            IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string value } } => value,
                            { ConstantValue: { HasValue: true, Value: string value } } => value,
                            IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: 1 } call } when call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string value } => value,
                            _ => null,
                        };
                        if (textValue is not null)
                        {
                            items.Add(new Item(StringPart.ForText(textValue), null));
                            continue;
                        }

                        return false;
                    }

                    var interpolation = (InterpolationSyntax)content;
                    if (interpolation.AlignmentClause is not null || interpolation.FormatClause is not null)
                    {
                        var value = Model.GetTypeInfo(interpolation.Expression, _cancellationToken).Type;
                        if (!StringTracer.IsSafeType(value) || Model.GetOperation(interpolation, _cancellationToken) is not { } operation)
                        {
                            return false;
                        }

                        items.Add(new Item(StringPart.ForSafeHole(operation, "formatted value"), null));
                        continue;
                    }

                    if (!Collect(interpolation.Expression, items))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (_expandLists && e is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } joinArguments } join &&
                Model.GetSymbolInfo(join, _cancellationToken).Symbol is IMethodSymbol { Name: "Join", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } &&
                Model.GetConstantValue(joinArguments[0].Expression, _cancellationToken).Value is "','" or "', '" &&
                Model.GetOperation(joinArguments[1].Expression, _cancellationToken) is { } list)
            {
                // IN ('" + string.Join("','", tags) + "')": one list parameter; the quotes and parentheses go in Rewrite.
                _lists.Add(list.Syntax);
                _covered.Add(join);
                items.Add(new Item(StringPart.ForUntrustedHole(list, list), null));
                return true;
            }

            return Leaf(e, items);
        }

        /// <summary>
        /// An expression the syntax walk does not open: the tracer says what it is. Text traced elsewhere (a local
        /// holding SQL, a builder's ToString) is opaque and kept as it is; a value (a parameter, a property, a local
        /// holding only a value, a choice among values) is one hole.
        /// </summary>
        private bool Leaf(ExpressionSyntax e, List<Item> items)
        {
            if (Model.GetOperation(e, _cancellationToken) is not { } operation)
            {
                return false;
            }

            var composition = _sink.Tracer.Decompose(operation, _cancellationToken);
            var inside = composition.Parts.All(p => p.Kind == StringPartKind.Text || (p.Operation?.Syntax is { } s && e.Span.Contains(s.Span) && s.SyntaxTree == e.SyntaxTree));
            if (composition.IsExact && inside && e is not (IdentifierNameSyntax or InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } or MemberAccessExpressionSyntax))
            {
                items.AddRange(composition.Parts.Select(p => new Item(p, null)));
                return true;
            }

            if (!composition.HasUntrustedHoles)
            {
                items.Add(new Item(StringPart.ForSafeHole(operation, "no untrusted text"), null));
                return true;
            }

            var holdsText = composition.Parts.Any(p => p.Kind == StringPartKind.Text && p.Text.Trim().Length > 0);
            if (!holdsText && (inside || e is IdentifierNameSyntax))
            {
                // A value: the parameter takes the whole expression.
                var under = composition.Parts.Where(p => p.Operation is not null).Select(p => p.Operation!.Syntax).ToList();
                _covered.AddRange(under);
                _valueLocals[operation.Syntax] = under;
                items.Add(new Item(StringPart.ForUntrustedHole(operation, operation), null));
                return true;
            }

            items.Add(new Item(null, e));
            return true;
        }

        /// <summary><c>... IN ('</c> + list + <c>')</c> becomes <c>... IN </c> + list: Dapper expands a list parameter there.</summary>
        private bool ExpandLists(List<StringPart> run)
        {
            for (var i = 0; i < run.Count; i++)
            {
                if (run[i].Operation?.Syntax is not { } syntax || !_lists.Contains(syntax))
                {
                    continue;
                }

                var open = i > 0 && run[i - 1].Kind == StringPartKind.Text ? System.Text.RegularExpressions.Regex.Match(run[i - 1].Text, @"\bin\s*(\(\s*')$", System.Text.RegularExpressions.RegexOptions.IgnoreCase) : null;
                var close = i + 1 < run.Count && run[i + 1].Kind == StringPartKind.Text ? System.Text.RegularExpressions.Regex.Match(run[i + 1].Text, @"^'\s*\)") : null;
                if (open is not { Success: true } || close is not { Success: true })
                {
                    return false;
                }

                run[i - 1] = StringPart.ForText(run[i - 1].Text.Substring(0, open.Groups[1].Index));
                run[i + 1] = StringPart.ForText(run[i + 1].Text.Substring(close.Length));
            }

            return true;
        }

        /// <summary>
        /// A hole judged from its piece alone must land where it lands in the whole text: a quote opened in another
        /// piece (or inside a local holding "%" + term + "%") would make a placeholder part of a string literal.
        /// </summary>
        private bool SamePositionsAsTheWholeText(StringComposition run)
        {
            for (var i = 0; i < run.Parts.Length; i++)
            {
                if (run.Parts[i].Kind != StringPartKind.UntrustedHole || run.Parts[i].Operation?.Syntax is not { } syntax)
                {
                    continue;
                }

                var local = SqlHolePositions.Classify(run, i);
                if (_lists.Contains(syntax))
                {
                    // Inside "('...')" in the whole text; a bare value after IN once the list markers are gone.
                    if (local != SqlHolePosition.Value || !_globalPositions.TryGetValue(syntax, out var listPosition) || listPosition != SqlHolePosition.QuotedValue)
                    {
                        return false;
                    }

                    continue;
                }

                var expected = _globalPositions.TryGetValue(syntax, out var position)
                    ? new[] { position }
                    : _valueLocals.TryGetValue(syntax, out var under) ? under.Where(_globalPositions.ContainsKey).Select(u => _globalPositions[u]).ToArray() : new SqlHolePosition[0];
                if (expected.Length == 0 || expected.Any(e => e != local))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The runs of known parts between opaque expressions, each planned; null when a run cannot be.</summary>
        private (System.Func<System.Func<SqlParameterPlan.SqlParameter, ExpressionSyntax?>?, ExpressionSyntax>? Build, IReadOnlyList<SqlParameterPlan.SqlParameter> Parameters) Rewrite(List<Item> items, SyntaxNode original)
        {
            var parameters = new List<SqlParameterPlan.SqlParameter>();
            var chunks = new List<System.Func<System.Func<SqlParameterPlan.SqlParameter, ExpressionSyntax?>?, ExpressionSyntax>>();
            var run = new List<StringPart>();
            var onlyRun = !items.Any(i => i.Opaque is not null);

            bool Flush()
            {
                if (run.Count == 0)
                {
                    return true;
                }

                if (!ExpandLists(run))
                {
                    return false;
                }

                var composition = new StringComposition(run.ToImmutableArray(), isExact: true);
                run.Clear();
                if (!composition.HasUntrustedHoles)
                {
                    var constant = SqlTextSyntax.From(original).Concatenation(composition.Parts.Select(p => p.Kind == StringPartKind.Text ? ((string?)p.Text, (SyntaxNode?)null) : (null, p.Operation!.Syntax)).ToList());
                    chunks.Add(_ => constant);
                    return true;
                }

                if (!SamePositionsAsTheWholeText(composition))
                {
                    return false;
                }

                var plan = SqlParameterPlan.CreateFor(composition, original.FirstAncestorOrSelf<StatementSyntax>() ?? original, _reserved);
                if (plan is null)
                {
                    return false;
                }

                foreach (var parameter in plan.Parameters)
                {
                    _reserved.Add(parameter.Name);
                    parameters.Add(parameter);
                }

                chunks.Add(placeholder => plan.ToSqlExpression(Prefix, original, placeholder));
                return true;
            }

            foreach (var item in items)
            {
                if (item.Part is { } part)
                {
                    run.Add(part);
                    continue;
                }

                if (!Flush())
                {
                    return (null, parameters);
                }

                var opaque = SqlTextSyntax.Parenthesize(item.Opaque!);
                chunks.Add(_ => opaque);
            }

            if (!Flush() || chunks.Count == 0)
            {
                return (null, parameters);
            }

            ExpressionSyntax Build(System.Func<SqlParameterPlan.SqlParameter, ExpressionSyntax?>? placeholder)
            {
                if (onlyRun)
                {
                    return chunks[0](placeholder);
                }

                var result = chunks[0](placeholder);
                for (var i = 1; i < chunks.Count; i++)
                {
                    result = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, result, SqlTextSyntax.Parenthesize(chunks[i](placeholder)));
                }

                return result;
            }

            return (Build, parameters);
        }
    }
}
