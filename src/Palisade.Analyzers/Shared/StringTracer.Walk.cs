using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Shared
{
    internal sealed partial class StringTracer
    {
        /// <summary>One decomposition: collects parts in order and remembers whether they are exact.</summary>
        private sealed class Walk
        {
            private readonly StringTracer _tracer;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ISymbol> _visiting;

            public Walk(StringTracer tracer, CancellationToken cancellationToken, HashSet<ISymbol>? visiting = null)
            {
                _tracer = tracer;
                _cancellationToken = cancellationToken;
                _visiting = visiting ?? new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            }

            public ImmutableArray<StringPart>.Builder Parts { get; } = ImmutableArray.CreateBuilder<StringPart>();

            public bool Exact { get; private set; } = true;

            public void Visit(IOperation? operation, Scope scope)
            {
                if (operation is null)
                {
                    return;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var op = Unwrap(operation);
                if (op.ConstantValue.HasValue)
                {
                    AddText(ConstantText(op.ConstantValue.Value));
                    return;
                }

                if (IsSafeType(op.Type))
                {
                    Parts.Add(StringPart.ForSafeHole(op, "value of type " + op.Type!.ToDisplayString()));
                    return;
                }

                switch (op)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                        Visit(binary.LeftOperand, scope);
                        Visit(binary.RightOperand, scope);
                        return;
                    case IInterpolatedStringOperation interpolated:
                        VisitInterpolated(interpolated, scope);
                        return;
                    case IConditionalOperation { WhenFalse: not null } conditional:
                        VisitChoice(op, new[] { conditional.WhenTrue, conditional.WhenFalse }, scope);
                        return;
                    case ISwitchExpressionOperation switchExpression:
                        VisitChoice(op, switchExpression.Arms.Select(a => a.Value), scope);
                        return;
                    case ICoalesceOperation coalesce:
                        VisitChoice(op, new[] { coalesce.Value, coalesce.WhenNull }, scope);
                        return;
                    case IInvocationOperation invocation:
                        VisitInvocation(invocation, scope);
                        return;
                    case ILocalReferenceOperation local:
                        VisitLocal(local, scope);
                        return;
                    case IParameterReferenceOperation parameter:
                        if (scope.Bindings.TryGetValue(parameter.Parameter.OriginalDefinition, out var bound))
                        {
                            Visit(bound.Value, bound.Scope);
                        }
                        else
                        {
                            Untrusted(op, op);
                        }

                        return;
                    case IFieldReferenceOperation field when _tracer.IsLiteralField(field.Field, _cancellationToken):
                        Parts.Add(StringPart.ForSafeHole(op, "read-only field holding constant text"));
                        return;
                    case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: not null } indexer when _tracer.IsLiteralTable(indexer.Instance, _cancellationToken):
                        Parts.Add(StringPart.ForSafeHole(op, "choice among fixed texts"));
                        return;
                    case IArrayElementReferenceOperation element when _tracer.IsLiteralTable(element.ArrayReference, _cancellationToken):
                        Parts.Add(StringPart.ForSafeHole(op, "choice among fixed texts"));
                        return;
                    default:
                        Untrusted(op, op);
                        return;
                }
            }

            private void AddText(string text)
            {
                if (text.Length == 0)
                {
                    return;
                }

                // Merge with the previous text so TextBefore/TextAfter see one run.
                if (Parts.Count > 0 && Parts[Parts.Count - 1].Kind == StringPartKind.Text)
                {
                    Parts[Parts.Count - 1] = StringPart.ForText(Parts[Parts.Count - 1].Text + text);
                    return;
                }

                Parts.Add(StringPart.ForText(text));
            }

            private void Untrusted(IOperation hole, IOperation source) => Parts.Add(StringPart.ForUntrustedHole(hole, source));

            private void Inexact() => Exact = false;

            private void VisitInterpolated(IInterpolatedStringOperation interpolated, Scope scope)
            {
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            AddText(text.Text.ConstantValue.HasValue ? ConstantText(text.Text.ConstantValue.Value) : string.Empty);
                            break;
                        case IInterpolationOperation interpolation:
                            VisitFormatted(interpolation, interpolation.Expression, interpolation.Alignment is not null || interpolation.FormatString is not null, scope);
                            break;
                        case IInterpolatedStringAppendOperation append when append.AppendCall is IInvocationOperation call && call.Arguments.Length > 0:
                            if (part.Kind == OperationKind.InterpolatedStringAppendLiteral)
                            {
                                Visit(call.Arguments[0].Value, scope);
                            }
                            else
                            {
                                VisitFormatted(part, call.Arguments[0].Value, call.Arguments.Length > 1, scope);
                            }

                            break;
                        default:
                            Untrusted(part, part);
                            break;
                    }
                }
            }

            /// <summary>A hole written with an alignment or a format string: keep the whole interpolation as the hole.</summary>
            private void VisitFormatted(IOperation hole, IOperation expression, bool hasFormat, Scope scope)
            {
                if (!hasFormat)
                {
                    Visit(expression, scope);
                    return;
                }

                var value = Unwrap(expression);
                if (value.ConstantValue.HasValue || IsSafeType(value.Type))
                {
                    Parts.Add(StringPart.ForSafeHole(hole, "formatted value of type " + (value.Type?.ToDisplayString() ?? "?")));
                    return;
                }

                Inexact();
                Visit(expression, scope);
            }

            /// <summary>A ternary, switch expression or ??: safe when every branch is; otherwise its untrusted branches are kept inline.</summary>
            private void VisitChoice(IOperation choice, IEnumerable<IOperation> branches, Scope scope)
            {
                var branchWalks = new List<Walk>();
                foreach (var branch in branches)
                {
                    var walk = new Walk(_tracer, _cancellationToken, _visiting);
                    walk.Visit(branch, scope);
                    branchWalks.Add(walk);
                }

                if (branchWalks.All(w => w.Parts.All(p => p.Kind != StringPartKind.UntrustedHole)))
                {
                    Parts.Add(StringPart.ForSafeHole(choice, "choice among fixed texts"));
                    return;
                }

                Inexact();
                foreach (var walk in branchWalks.Where(w => w.Parts.Any(p => p.Kind == StringPartKind.UntrustedHole)))
                {
                    foreach (var part in walk.Parts)
                    {
                        if (part.Kind == StringPartKind.Text)
                        {
                            AddText(part.Text);
                        }
                        else
                        {
                            Parts.Add(part);
                        }
                    }
                }
            }

            private void AppendWalk(Walk walk)
            {
                foreach (var part in walk.Parts)
                {
                    if (part.Kind == StringPartKind.Text)
                    {
                        AddText(part.Text);
                    }
                    else
                    {
                        Parts.Add(part);
                    }
                }

                if (!walk.Exact)
                {
                    Inexact();
                }
            }

            private void VisitInvocation(IInvocationOperation invocation, Scope scope)
            {
                var method = invocation.TargetMethod;
                if (_tracer._sanitizers.Contains(method))
                {
                    Parts.Add(StringPart.ForSafeHole(invocation, "sanitizer " + method.Name));
                    return;
                }

                if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic)
                {
                    switch (method.Name)
                    {
                        case "Concat":
                            VisitConcat(invocation, scope);
                            return;
                        case "Format":
                            VisitFormat(invocation, scope);
                            return;
                        case "Join":
                            VisitJoin(invocation, scope);
                            return;
                    }
                }

                if (method.ContainingType?.SpecialType == SpecialType.System_String && !method.IsStatic && invocation.Instance is not null)
                {
                    // Trim, ToUpper, Substring, Replace...: the result carries the receiver's text (and Replace's new text).
                    var receiver = new Walk(_tracer, _cancellationToken, _visiting);
                    receiver.Visit(invocation.Instance, scope);
                    foreach (var argument in invocation.Arguments)
                    {
                        if (IsString(argument.Value.Type) && method.Name == "Replace")
                        {
                            receiver.Visit(argument.Value, scope);
                        }
                    }

                    if (receiver.Parts.All(p => p.Kind != StringPartKind.UntrustedHole))
                    {
                        Parts.Add(StringPart.ForSafeHole(invocation, "text derived from constant text"));
                        return;
                    }

                    Inexact();
                    AppendWalk(receiver);
                    return;
                }

                if (method.Name == "ToString" && invocation.Instance is not null)
                {
                    var instance = Unwrap(invocation.Instance);
                    if (IsStringBuilder(instance.Type))
                    {
                        Inexact();
                        VisitStringBuilder(instance, scope);
                        return;
                    }

                    if (IsSafeType(instance.Type))
                    {
                        Parts.Add(StringPart.ForSafeHole(invocation, "value of type " + instance.Type!.ToDisplayString()));
                        return;
                    }

                    if (IsString(instance.Type))
                    {
                        Visit(instance, scope);
                        return;
                    }
                }

                if (IsSafeType(method.ReturnType))
                {
                    Parts.Add(StringPart.ForSafeHole(invocation, "value of type " + method.ReturnType.ToDisplayString()));
                    return;
                }

                if (IsString(method.ReturnType) && scope.Depth < MaxHelperDepth && VisitHelper(invocation, scope))
                {
                    return;
                }

                Untrusted(invocation, invocation);
            }

            private void VisitConcat(IInvocationOperation invocation, Scope scope)
            {
                foreach (var argument in invocation.Arguments)
                {
                    var elements = Elements(argument.Value);
                    if (elements is not null)
                    {
                        foreach (var element in elements)
                        {
                            Visit(element, scope);
                        }
                    }
                    else
                    {
                        VisitSequence(argument.Value, scope);
                    }
                }
            }

            /// <summary>string.Format / AppendFormat: a constant format is parsed so the parts keep their order.</summary>
            private void VisitFormat(IInvocationOperation invocation, Scope scope)
            {
                IOperation? format = null;
                var args = new List<IOperation>();
                foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
                {
                    var parameter = argument.Parameter;
                    if (parameter is null)
                    {
                        continue;
                    }

                    if (parameter.Name == "format")
                    {
                        format = argument.Value;
                    }
                    else if (parameter.Name.StartsWith("arg", System.StringComparison.Ordinal))
                    {
                        var elements = Elements(argument.Value);
                        if (elements is not null && (argument.ArgumentKind != ArgumentKind.Explicit || parameter.Type is IArrayTypeSymbol || parameter.IsParams))
                        {
                            args.AddRange(elements);
                        }
                        else
                        {
                            args.Add(argument.Value);
                        }
                    }
                }

                var formatText = format is null ? null : Unwrap(format).ConstantValue;
                if (formatText is { HasValue: true, Value: string text } && FormatParser.TryParse(text, out var pieces))
                {
                    foreach (var piece in pieces)
                    {
                        if (piece.Index < 0)
                        {
                            AddText(piece.Text);
                        }
                        else if (piece.Index < args.Count)
                        {
                            VisitFormatted(args[piece.Index], args[piece.Index], piece.HasFormat, scope);
                        }
                        else
                        {
                            Untrusted(invocation, invocation);
                        }
                    }

                    return;
                }

                Inexact();
                Visit(format, scope);
                foreach (var arg in args)
                {
                    Visit(arg, scope);
                }
            }

            private void VisitJoin(IInvocationOperation invocation, Scope scope)
            {
                IOperation? separator = null;
                var values = new List<IOperation>();
                foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        separator = argument.Value;
                    }
                    else if (argument.Parameter?.Name is "startIndex" or "count")
                    {
                        continue;
                    }
                    else
                    {
                        values.Add(argument.Value);
                    }
                }

                foreach (var value in values)
                {
                    var elements = Elements(value);
                    if (elements is null)
                    {
                        VisitSequence(value, scope);
                        continue;
                    }

                    for (var i = 0; i < elements.Count; i++)
                    {
                        if (i > 0)
                        {
                            Visit(separator, scope);
                        }

                        Visit(elements[i], scope);
                    }
                }
            }

            /// <summary>A collection whose items are joined into the text: safe when its items are safe types or literals.</summary>
            private void VisitSequence(IOperation sequence, Scope scope)
            {
                var value = Unwrap(sequence);
                if (IsString(value.Type) || value.ConstantValue.HasValue)
                {
                    Visit(value, scope);
                    return;
                }

                var elementType = ElementType(value.Type);
                if (IsSafeType(elementType))
                {
                    Parts.Add(StringPart.ForSafeHole(value, "list of " + elementType!.ToDisplayString() + " values"));
                    return;
                }

                if (_tracer.IsLiteralTable(value, _cancellationToken))
                {
                    Parts.Add(StringPart.ForSafeHole(value, "list of fixed texts"));
                    return;
                }

                Inexact();
                Untrusted(value, value);
            }

            private void VisitLocal(ILocalReferenceOperation reference, Scope scope)
            {
                var local = reference.Local;
                if (_visiting.Contains(local))
                {
                    // "sql = sql + x": the earlier value is already in the parts from the other assignments.
                    Inexact();
                    return;
                }

                var writes = _tracer.FindWrites(RootOf(reference), local);
                if (writes.Count == 0)
                {
                    Untrusted(reference, reference);
                    return;
                }

                if (writes.Count > 1)
                {
                    Inexact();
                }

                _visiting.Add(local);
                foreach (var write in writes)
                {
                    switch (write.Kind)
                    {
                        case WriteKind.Value:
                            Visit(write.Operation, scope);
                            break;
                        case WriteKind.Element:
                            Inexact();
                            VisitSequence(write.Operation, scope);
                            break;
                        case WriteKind.Safe:
                            Parts.Add(StringPart.ForSafeHole(reference, "choice among fixed texts"));
                            break;
                        default:
                            Inexact();
                            Untrusted(reference, write.Operation);
                            break;
                    }
                }

                _visiting.Remove(local);
            }

            /// <summary>
            /// The text of a StringBuilder: its constructor text and every Append*/Insert/Replace made on it, in source
            /// order. Passing the builder to another method loses track of it: that counts as an untrusted hole.
            /// </summary>
            private void VisitStringBuilder(IOperation instance, Scope scope)
            {
                var calls = new List<IInvocationOperation>();
                var current = instance;
                while (current is IInvocationOperation call && IsStringBuilder(call.TargetMethod.ContainingType))
                {
                    calls.Add(call);
                    current = call.Instance is null ? current : Unwrap(call.Instance);
                    if (call.Instance is null)
                    {
                        break;
                    }
                }

                if (current is IObjectCreationOperation creation)
                {
                    VisitBuilderCreation(creation, scope);
                }
                else if (current is ILocalReferenceOperation local)
                {
                    if (_visiting.Contains(local.Local))
                    {
                        return;
                    }

                    _visiting.Add(local.Local);
                    var root = RootOf(local);
                    foreach (var write in _tracer.FindWrites(root, local.Local))
                    {
                        if (write.Kind == WriteKind.Value && Unwrap(write.Operation) is IObjectCreationOperation created)
                        {
                            VisitBuilderCreation(created, scope);
                        }
                        else if (write.Kind == WriteKind.Value)
                        {
                            VisitStringBuilder(Unwrap(write.Operation), scope);
                        }
                        else
                        {
                            Untrusted(local, write.Operation);
                        }
                    }

                    foreach (var use in BuilderUses(root, local.Local))
                    {
                        if (use is IInvocationOperation call)
                        {
                            VisitBuilderCall(call, scope);
                        }
                        else
                        {
                            Untrusted(use, use);
                        }
                    }

                    _visiting.Remove(local.Local);
                }
                else if (current is not IInvocationOperation)
                {
                    Untrusted(current, current);
                }

                for (var i = calls.Count - 1; i >= 0; i--)
                {
                    VisitBuilderCall(calls[i], scope);
                }
            }

            private void VisitBuilderCreation(IObjectCreationOperation creation, Scope scope)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (IsString(argument.Value.Type) && argument.Parameter?.Name == "value")
                    {
                        Visit(argument.Value, scope);
                    }
                }
            }

            private void VisitBuilderCall(IInvocationOperation call, Scope scope)
            {
                switch (call.TargetMethod.Name)
                {
                    case "Append":
                    case "AppendLine":
                    case "Insert":
                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter?.Name is "value" or "handler" or "repeatCount" || (call.TargetMethod.Name == "Append" && argument.Parameter?.Ordinal == 0))
                            {
                                if (argument.Parameter?.Name != "repeatCount")
                                {
                                    Visit(argument.Value, scope);
                                }
                            }
                        }

                        if (call.TargetMethod.Name == "AppendLine")
                        {
                            AddText("\n");
                        }

                        break;
                    case "AppendFormat":
                        VisitFormat(call, scope);
                        break;
                    case "AppendJoin":
                        VisitJoin(call, scope);
                        break;
                    case "Replace":
                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter?.Name is "newValue")
                            {
                                Visit(argument.Value, scope);
                            }
                        }

                        break;
                }
            }

            /// <summary>
            /// A call to a method of this compilation that returns a string: follow its return statements with the
            /// call's arguments standing in for its parameters. False when the method has no body we can see.
            /// </summary>
            private bool VisitHelper(IInvocationOperation invocation, Scope scope)
            {
                var method = invocation.TargetMethod.OriginalDefinition;
                var body = _tracer.BodyOf(method, invocation, _cancellationToken);
                if (body is null || _visiting.Contains(method))
                {
                    return false;
                }

                var returns = body.Descendants()
                    .OfType<IReturnOperation>()
                    .Where(r => r.ReturnedValue is not null && !IsInNestedFunction(r, body))
                    .ToList();
                if (returns.Count == 0)
                {
                    return false;
                }

                var bindings = scope.Bindings;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is not null)
                    {
                        bindings = bindings.SetItem(argument.Parameter.OriginalDefinition, (argument.Value, scope));
                    }
                }

                var inner = new Scope(bindings, scope.Depth + 1);
                Inexact();
                _visiting.Add(method);
                foreach (var returned in returns)
                {
                    Visit(returned.ReturnedValue, inner);
                }

                _visiting.Remove(method);
                return true;
            }

            private static bool IsInNestedFunction(IOperation operation, IOperation body)
            {
                for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
