using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// A password typed into a SecureString in source: consecutive <c>s.AppendChar('p');</c> statements on one receiver,
    /// or <c>foreach (var c in "...") s.AppendChar(c);</c>. One run is one secret, so it is found from its first call only.
    /// </summary>
    internal static class SecureStringRuns
    {
        /// <summary>
        /// When <paramref name="invocation"/> is the first <c>AppendChar('x');</c> of a run in its block: the span of the
        /// whole run and its number of characters.
        /// </summary>
        public static bool TryGetRun(IInvocationOperation invocation, out TextSpan span, out int count)
        {
            span = default;
            count = 0;
            if (invocation.Syntax.Parent is not ExpressionStatementSyntax statement || statement.Parent is not BlockSyntax block)
            {
                return false;
            }

            var receiver = ReceiverText(statement);
            var index = block.Statements.IndexOf(statement);
            if (receiver is null || (index > 0 && ReceiverText(block.Statements[index - 1]) == receiver))
            {
                return false;
            }

            var end = index;
            while (end + 1 < block.Statements.Count && ReceiverText(block.Statements[end + 1]) == receiver)
            {
                end++;
            }

            count = end - index + 1;
            span = TextSpan.FromBounds(statement.SpanStart, block.Statements[end].Span.End);
            return true;
        }

        /// <summary>The string a <c>foreach</c> around the call walks, when the character appended is its loop variable.</summary>
        public static IOperation? LoopedText(IInvocationOperation invocation, ILocalSymbol appended)
        {
            for (var parent = invocation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IForEachLoopOperation loop && loop.Locals.Contains(appended))
                {
                    var collection = ConstantValues.Unwrap(loop.Collection);
                    return collection is IInvocationOperation { TargetMethod.Name: "ToCharArray", Instance: { } instance, Arguments.Length: 0 }
                        ? instance
                        : collection;
                }
            }

            return null;
        }

        /// <summary>The receiver of <c>x.AppendChar('c');</c> when the statement is exactly that with a character literal.</summary>
        private static string? ReceiverText(StatementSyntax statement) =>
            statement is ExpressionStatementSyntax
            {
                Expression: InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AppendChar" } access,
                    ArgumentList.Arguments: { Count: 1 } arguments,
                },
            } && arguments[0].Expression is LiteralExpressionSyntax literal && literal.Token.Value is char
                ? access.Expression.ToString()
                : null;
    }
}
