using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Palisade.Analyzers.Shared;
using Palisade.Analyzers.Sql;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// How a composed SQL text becomes a parameterized one: the new text (placeholders instead of untrusted holes, the
    /// quotes around them removed, LIKE wildcards moved into the value) and the parameters to add. Built only from an
    /// exact composition whose every part lies inside the expression being rewritten; otherwise there is no plan.
    /// </summary>
    internal sealed class SqlParameterPlan
    {
        private SqlParameterPlan(IReadOnlyList<Segment> segments, IReadOnlyList<SqlParameter> parameters)
        {
            Segments = segments;
            Parameters = parameters;
        }

        public IReadOnlyList<Segment> Segments { get; }

        public IReadOnlyList<SqlParameter> Parameters { get; }

        /// <summary>One piece of the rewritten text: constant text, a kept safe hole, or a parameter.</summary>
        internal sealed class Segment
        {
            public Segment(string text, SyntaxNode? safeHole, SqlParameter? parameter)
            {
                Text = text;
                SafeHole = safeHole;
                Parameter = parameter;
            }

            public string Text { get; }

            public SyntaxNode? SafeHole { get; }

            public SqlParameter? Parameter { get; }
        }

        /// <summary>A parameter: its name without prefix ("name") and the C# expression of its value.</summary>
        internal sealed class SqlParameter
        {
            public SqlParameter(string name, ExpressionSyntax value)
            {
                Name = name;
                Value = value;
            }

            public string Name { get; }

            public ExpressionSyntax Value { get; }
        }

        public static SqlParameterPlan? Create(StringComposition composition, SyntaxNode target, ISet<string>? reservedNames = null) =>
            composition.IsExact ? CreateFor(composition, target, reservedNames) : null;

        /// <summary>
        /// The plan for one composition, exact or not: every part must still lie in <paramref name="target"/>. Used
        /// directly for a piece of SQL (one Append, one +=) whose own composition is exact.
        /// </summary>
        public static SqlParameterPlan? CreateFor(StringComposition composition, SyntaxNode target, ISet<string>? reservedNames = null)
        {
            // Safety first: the statement's template must be literal text here. A hole that is the whole text (a
            // statement from elsewhere, string.Empty) has no template to keep; rewriting it would replace the query.
            if (!composition.HasUntrustedHoles || !composition.Parts.Any(p => p.Kind == StringPartKind.Text && p.Text.Trim().Length > 0))
            {
                return null;
            }

            var segments = new List<Segment>();
            var parameters = new List<SqlParameter>();
            var byExpression = new Dictionary<string, SqlParameter>();
            var used = new HashSet<string>(reservedNames ?? Enumerable.Empty<string>(), System.StringComparer.OrdinalIgnoreCase);
            var pendingText = new StringBuilder();
            var parts = composition.Parts;
            var skipLeadingInNext = 0;

            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part.Kind == StringPartKind.Text)
                {
                    pendingText.Append(part.Text.Substring(System.Math.Min(skipLeadingInNext, part.Text.Length)));
                    skipLeadingInNext = 0;
                    continue;
                }

                var syntax = part.Operation?.Syntax;
                if (syntax is null || !target.Span.Contains(syntax.Span))
                {
                    return null;
                }

                if (part.Kind == StringPartKind.SafeHole)
                {
                    Flush(segments, pendingText);
                    segments.Add(new Segment(string.Empty, syntax, null));
                    continue;
                }

                if (syntax is not ExpressionSyntax expression || SqlHolePositions.Classify(composition, i) is not (SqlHolePosition.Value or SqlHolePosition.QuotedValue))
                {
                    return null;
                }

                if (SqlHolePositions.Classify(composition, i) == SqlHolePosition.Value && !IsValueContext(composition.AllTextBefore(i), composition.TextAfter(i)))
                {
                    return null;
                }

                // '...' around the hole (optionally with LIKE wildcards): the quotes go, the wildcards move into the value.
                var before = pendingText.ToString();
                var after = i + 1 < parts.Length && parts[i + 1].Kind == StringPartKind.Text ? parts[i + 1].Text : string.Empty;
                var lead = string.Empty;
                var trail = string.Empty;
                var quoted = SqlHolePositions.Classify(composition, i) == SqlHolePosition.QuotedValue;
                if (quoted)
                {
                    var open = before.Length;
                    while (open > 0 && before[open - 1] == '%')
                    {
                        open--;
                    }

                    var close = 0;
                    while (close < after.Length && after[close] == '%')
                    {
                        close++;
                    }

                    if (open == 0 || before[open - 1] != '\'' || close >= after.Length || after[close] != '\'')
                    {
                        return null;
                    }

                    lead = before.Substring(open);
                    trail = after.Substring(0, close);
                    pendingText.Length = open - 1;
                    skipLeadingInNext = close + 1;
                }

                var value = lead.Length == 0 && trail.Length == 0 ? NullAsEmpty(expression, part.Operation) : WithWildcards(expression, lead, trail);
                var key = value.ToString();
                if (!byExpression.TryGetValue(key, out var parameter))
                {
                    parameter = new SqlParameter(UniqueName(NameFor(expression), used, composition), value);
                    byExpression[key] = parameter;
                    parameters.Add(parameter);
                }

                Flush(segments, pendingText);
                segments.Add(new Segment(string.Empty, null, parameter));
            }

            Flush(segments, pendingText);
            return new SqlParameterPlan(segments, parameters);
        }

        /// <summary>
        /// The SQL text as a C# expression, placeholders written as <paramref name="prefix"/> + name, in the literal
        /// kind of <paramref name="original"/>.
        /// </summary>
        /// <param name="placeholder">
        /// When it returns an expression for a parameter, that expression is written instead of the placeholder text
        /// (a name computed at run time, for a piece that runs once per loop iteration).
        /// </param>
        public ExpressionSyntax ToSqlExpression(string prefix, SyntaxNode original, System.Func<SqlParameter, ExpressionSyntax?>? placeholder = null)
        {
            var style = SqlTextSyntax.From(original);
            var pieces = new List<(string? Text, SyntaxNode? Hole)>();
            var pending = new StringBuilder();
            foreach (var segment in Segments)
            {
                var computed = segment.Parameter is null ? null : placeholder?.Invoke(segment.Parameter);
                if (computed is not null)
                {
                    if (pending.Length > 0)
                    {
                        pieces.Add((pending.ToString(), null));
                        pending.Clear();
                    }

                    pieces.Add((null, computed));
                    continue;
                }

                if (segment.SafeHole is null)
                {
                    pending.Append(segment.Parameter is null ? segment.Text : prefix + segment.Parameter.Name);
                    continue;
                }

                if (pending.Length > 0)
                {
                    pieces.Add((pending.ToString(), null));
                    pending.Clear();
                }

                pieces.Add((null, segment.SafeHole));
            }

            if (pending.Length > 0)
            {
                pieces.Add((pending.ToString(), null));
            }

            if (pieces.All(p => p.Hole is null))
            {
                return style.Literal(string.Concat(pieces.Select(p => p.Text)));
            }

            // A formatted hole ({when:yyyy}) can only be kept inside an interpolated string.
            var interpolated = original is InterpolatedStringExpressionSyntax || pieces.Any(p => p.Hole is InterpolationSyntax);
            return interpolated ? style.Interpolated(pieces) : style.Concatenation(pieces);
        }

        /// <summary>For EF Core: one interpolated string where every hole (parameter or safe) becomes an interpolation.</summary>
        public ExpressionSyntax ToInterpolatedExpression(SyntaxNode original)
        {
            var pieces = new List<(string? Text, SyntaxNode? Hole)>();
            foreach (var segment in Segments)
            {
                if (segment.Parameter is not null)
                {
                    pieces.Add((null, segment.Parameter.Value));
                }
                else if (segment.SafeHole is not null)
                {
                    pieces.Add((null, segment.SafeHole));
                }
                else if (segment.Text.Length > 0)
                {
                    pieces.Add((segment.Text, null));
                }
            }

            return SqlTextSyntax.From(original).Interpolated(pieces);
        }

        /// <summary>
        /// An unquoted hole is a value only where SQL expects one: after a comparison or arithmetic operator, an open
        /// parenthesis or a comma of a value list, or LIKE/LIMIT/OFFSET/TOP/BETWEEN/THEN/ELSE/WHEN, or IN for a Dapper list parameter; and the text
        /// after it does not continue a word (<c>"= " + id + "_old"</c> builds a name, not a value).
        /// </summary>
        internal static bool IsValueContext(string before, string after)
        {
            var trimmed = before.TrimEnd();
            if (trimmed.Length == 0 || before.Length == trimmed.Length && char.IsLetterOrDigit(trimmed[trimmed.Length - 1]))
            {
                return false;
            }

            if (after.Length > 0 && (char.IsLetterOrDigit(after[0]) || after[0] is '_' or '.' or '\'' or '"' or '[' or '`'))
            {
                return false;
            }

            var last = trimmed[trimmed.Length - 1];
            if ("=<>(,+-*/%|".IndexOf(last) >= 0)
            {
                return true;
            }

            var word = new string(trimmed.Reverse().TakeWhile(char.IsLetter).Reverse().ToArray()).ToLowerInvariant();
            return word is "like" or "limit" or "offset" or "top" or "between" or "then" or "else" or "when" or "escape" or "rows" or "fetch" or "in";
        }

        private static void Flush(List<Segment> segments, StringBuilder pendingText)
        {
            if (pendingText.Length > 0)
            {
                segments.Add(new Segment(pendingText.ToString(), null, null));
                pendingText.Clear();
            }
        }

        /// <summary>
        /// Concatenation wrote a null string as nothing (<c>Name = ''</c>); a null parameter would mean NULL, or no value
        /// at all for ADO.NET. A string the compiler says may be null keeps the old meaning with <c>?? ""</c>.
        /// </summary>
        private static ExpressionSyntax NullAsEmpty(ExpressionSyntax expression, IOperation? operation)
        {
            var value = expression.WithoutTrivia();
            var info = operation?.SemanticModel?.GetTypeInfo(expression);
            if (info is not { Type.SpecialType: SpecialType.System_String, Nullability.FlowState: NullableFlowState.MaybeNull })
            {
                return value;
            }

            return SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, SqlTextSyntax.Parenthesize(value), Text(string.Empty));
        }

        private static ExpressionSyntax WithWildcards(ExpressionSyntax expression, string lead, string trail)
        {
            var value = expression.WithoutTrivia();
            if (lead.Length == 0 && trail.Length == 0)
            {
                return value;
            }

            var result = SqlTextSyntax.Parenthesize(value);
            if (lead.Length > 0)
            {
                result = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, Text(lead), result);
            }

            if (trail.Length > 0)
            {
                result = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, result, Text(trail));
            }

            return result;
        }

        private static LiteralExpressionSyntax Text(string text) => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

        /// <summary>"user.Name" → "Name", "GetName()" → "Name", "_term" → "term", anything else → "p".</summary>
        internal static string NameFor(ExpressionSyntax expression)
        {
            var name = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } when member.Name.Identifier.ValueText != "ToString" => member.Name.Identifier.ValueText,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: { } receiver } } => NameFor(receiver),
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax method } => method.Identifier.ValueText,
                ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } args } when args[0].Expression is LiteralExpressionSyntax literal && literal.Token.Value is string key => key,
                _ => "p",
            };

            if (name.StartsWith("Get", System.StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3]))
            {
                name = name.Substring(3);
            }

            var cleaned = new StringBuilder();
            foreach (var c in name.TrimStart('_'))
            {
                if (char.IsLetterOrDigit(c) || c == '_')
                {
                    cleaned.Append(c);
                }
            }

            if (cleaned.Length == 0 || !char.IsLetter(cleaned[0]) || SyntaxFacts.GetKeywordKind(cleaned.ToString()) != SyntaxKind.None)
            {
                cleaned.Insert(0, 'p');
            }

            return cleaned.ToString();
        }

        private static string UniqueName(string name, HashSet<string> used, StringComposition composition)
        {
            var existingText = string.Concat(composition.Parts.Where(p => p.Kind == StringPartKind.Text).Select(p => p.Text));
            var candidate = name;
            for (var n = 2; used.Contains(candidate) || ContainsPlaceholder(existingText, candidate); n++)
            {
                candidate = name + n.ToString(CultureInfo.InvariantCulture);
            }

            used.Add(candidate);
            return candidate;
        }

        private static bool ContainsPlaceholder(string text, string name)
        {
            foreach (var prefix in new[] { "@", ":", "$" })
            {
                var index = text.IndexOf(prefix + name, System.StringComparison.OrdinalIgnoreCase);
                while (index >= 0)
                {
                    var end = index + prefix.Length + name.Length;
                    if (end >= text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                    {
                        return true;
                    }

                    index = text.IndexOf(prefix + name, end, System.StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }
    }
}
