using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Sql
{
    /// <summary>
    /// The whole values a SQL argument can take: the branches of <c>?:</c>, <c>??</c> and switch expressions, and the
    /// assignments of a local that reach the sink. Each is judged on its own: "built here" is a property of one value,
    /// and gluing alternatives together would make a pass-through branch look like a hole in another branch's text.
    /// </summary>
    internal static class SqlAlternatives
    {
        private const int MaxAlternatives = 16;

        public static IReadOnlyList<IOperation> Of(IOperation value, FlowContext context, CancellationToken cancellationToken)
        {
            var found = new List<IOperation>();
            var visited = new HashSet<LocalWrite>();
            if (!Collect(value, context, found, visited, cancellationToken) || found.Count == 0)
            {
                return new[] { value };
            }

            return found;
        }

        private static bool Collect(IOperation value, FlowContext context, List<IOperation> found, HashSet<LocalWrite> visited, CancellationToken cancellationToken)
        {
            if (found.Count > MaxAlternatives)
            {
                return false;
            }

            var op = StringTracer.Unwrap(value);
            switch (op)
            {
                case IConditionalOperation { WhenFalse: not null } conditional:
                    return Collect(conditional.WhenTrue, context, found, visited, cancellationToken) &&
                           Collect(conditional.WhenFalse, context, found, visited, cancellationToken);
                case ICoalesceOperation coalesce:
                    return Collect(coalesce.Value, context, found, visited, cancellationToken) &&
                           Collect(coalesce.WhenNull, context, found, visited, cancellationToken);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (!Collect(arm.Value, context, found, visited, cancellationToken))
                        {
                            return false;
                        }
                    }

                    return true;
                case ILocalReferenceOperation local when !StringTracer.IsStringBuilder(local.Type):
                    var writes = context.FlowOf(local, cancellationToken).For(local, cancellationToken);
                    if (writes.Count == 0)
                    {
                        found.Add(op);
                        return true;
                    }

                    foreach (var write in writes)
                    {
                        if (write.Kind != WriteKind.Value)
                        {
                            // += and friends build text: judge the read as one value.
                            found.Add(op);
                            return true;
                        }
                    }

                    foreach (var write in writes)
                    {
                        if (visited.Add(write) && !Collect(write.Operation, context, found, visited, cancellationToken))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    found.Add(op);
                    return true;
            }
        }
    }
}
