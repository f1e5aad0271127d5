using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Flow
{
    internal sealed partial class StringTracer
    {
        /// <summary>One decomposition: collects parts in order and remembers whether they are exact.</summary>
        private sealed class Walk
        {
            private readonly StringTracer _tracer;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ISymbol> _visiting;
            private readonly HashSet<LocalWrite> _visitingWrites = new HashSet<LocalWrite>();
            private readonly HashSet<LocalWrite> _mergedWrites = new HashSet<LocalWrite>();
            private bool _fieldsAsConstantsOnly;

            /// <summary>A walk of a field initializer: fields inside it count only when they hold constant text.</summary>
            public static Walk ForFieldInitializer(StringTracer tracer, CancellationToken cancellationToken) =>
                new Walk(tracer, cancellationToken) { _fieldsAsConstantsOnly = true };

            private readonly FlowPolicy? _policy;

            /// <summary>How many local assignments the walk is inside: a flagged value found there came through a local.</summary>
            private int _throughLocals;

            public Walk(StringTracer tracer, CancellationToken cancellationToken, HashSet<ISymbol>? visiting = null, FlowPolicy? policy = null)
            {
                _tracer = tracer;
                _cancellationToken = cancellationToken;
                _visiting = visiting ?? new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                _policy = policy;
            }

            /// <summary>A walk of a part of this value (a branch, a receiver) that shares its state and policy.</summary>
            private Walk Sub() => new Walk(_tracer, _cancellationToken, _visiting, _policy) { _throughLocals = _throughLocals, _fieldsAsConstantsOnly = _fieldsAsConstantsOnly };

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
                if (Judged(op, scope))
                {
                    return;
                }

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
                    case ITupleOperation tuple:
                        foreach (var element in tuple.Elements)
                        {
                            Visit(element, scope);
                        }

                        return;
                    case IConditionalAccessOperation conditionalAccess:
                        Visit(conditionalAccess.WhenNotNull, scope);
                        return;
                    case IConditionalAccessInstanceOperation:
                        var owner = op.Parent;
                        while (owner is not null and not IConditionalAccessOperation)
                        {
                            owner = owner.Parent;
                        }

                        if (owner is IConditionalAccessOperation access)
                        {
                            Visit(access.Operation, scope);
                        }
                        else
                        {
                            Untrusted(op, op);
                        }

                        return;
                    case IAwaitOperation awaited:
                        Visit(awaited.Operation, scope);
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
                    case IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } }:
                        // string.Empty is constant text in all but name.
                        return;
                    case IPropertyReferenceOperation { Property.Name: "Name" or "FullName" or "Namespace" } reflected when IsReflectionMember(reflected.Property.ContainingType):
                        Parts.Add(StringPart.ForSafeHole(op, "identifier read from the code's own types"));
                        return;
                    case IFieldReferenceOperation field when _tracer.IsLiteralField(field.Field, _cancellationToken) || (!_fieldsAsConstantsOnly && _tracer.IsSafeField(field.Field, _cancellationToken)):
                        Parts.Add(StringPart.ForSafeHole(op, "read-only field holding constant text"));
                        return;
                    case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: not null } indexer when _tracer.IsLiteralTable(indexer.Instance, _cancellationToken):
                        Parts.Add(StringPart.ForSafeHole(op, "choice among fixed texts"));
                        return;
                    case IArrayElementReferenceOperation element when _tracer.IsLiteralTable(element.ArrayReference, _cancellationToken):
                        Parts.Add(StringPart.ForSafeHole(op, "choice among fixed texts"));
                        return;
                    default:
                        Opaque(op, scope);
                        return;
                }
            }

            /// <summary>Lets the rule family's policy judge the value; true when it did (the part is added).</summary>
            private bool Judged(IOperation op, Scope scope)
            {
                if (_policy is null || (op is IParameterReferenceOperation boundParameter && scope.Bindings.ContainsKey(boundParameter.Parameter.OriginalDefinition)))
                {
                    return false;
                }

                switch (_policy.Judge(op, out var description))
                {
                    case FlowVerdict.Flagged:
                        Parts.Add(StringPart.ForFlaggedHole(op, description, _throughLocals > 0));
                        return true;
                    case FlowVerdict.Clean:
                        Parts.Add(StringPart.ForSafeHole(op, description));
                        return true;
                    default:
                        return false;
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

            /// <summary>An opaque value: the policy may name the values whose text it carries (an unknown method's arguments).</summary>
            private void Opaque(IOperation hole, Scope scope)
            {
                var carried = _policy?.Carried(hole);
                if (carried is null)
                {
                    Untrusted(hole, hole);
                    return;
                }

                Inexact();
                var any = false;
                foreach (var value in carried)
                {
                    any = true;
                    Visit(value, scope);
                }

                if (!any)
                {
                    Untrusted(hole, hole);
                }
            }

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
                    var walk = Sub();
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
                    var receiver = Sub();
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

                // Helpers are followed with the caller's arguments when they are static or called on this object.
                // Another object's method result (a query builder's ToSql()) is that object's text, passed through.
                if (IsString(method.ReturnType) && scope.Depth < MaxHelperDepth &&
                    (method.IsStatic || invocation.Instance is null or IInstanceReferenceOperation) &&
                    VisitHelper(invocation, scope))
                {
                    return;
                }

                Opaque(invocation, scope);
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

                if (Judged(value, scope))
                {
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

                if (IsSafeProjection(value, scope) || (value is ILocalReferenceOperation collection && IsSafeCollection(collection, scope)))
                {
                    Parts.Add(StringPart.ForSafeHole(value, "list of texts made from numbers"));
                    return;
                }

                Inexact();
                Untrusted(value, value);
            }

            /// <summary>
            /// A local: only the writes that can reach this read count (see <see cref="ReachingWrites"/>). A write met
            /// again while it is being followed is a loop carrying the value around; its text is already in the parts.
            /// </summary>
            /// <summary><c>ids.Select(id => id.ToString())</c>: a projection whose every result is safe text.</summary>
            private bool IsSafeProjection(IOperation value, Scope scope)
            {
                if (value is not IInvocationOperation { TargetMethod.Name: "Select" } select || select.Arguments.Length == 0)
                {
                    return false;
                }

                var lambda = Unwrap(select.Arguments[select.Arguments.Length - 1].Value);
                if ((lambda as IDelegateCreationOperation)?.Target is not IAnonymousFunctionOperation function)
                {
                    return false;
                }

                var any = false;
                foreach (var returned in function.Body.Descendants().OfType<IReturnOperation>())
                {
                    if (returned.ReturnedValue is null || !IsSafeText(returned.ReturnedValue, scope))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;
            }

            /// <summary>
            /// A list local filled only with safe text (<c>list.Add(n.ToString())</c>) and never handed to other code
            /// before it is joined: the numbers-through-a-collection shape of IN lists.
            /// </summary>
            private bool IsSafeCollection(ILocalReferenceOperation collection, Scope scope)
            {
                if (!_visiting.Add(collection.Local))
                {
                    return false;
                }

                try
                {
                    var flow = _tracer._context.FlowOf(collection, _cancellationToken);
                    foreach (var write in flow.Writes.WritesOf(collection.Local))
                    {
                        if (write.Kind != WriteKind.Value || Unwrap(write.Operation) is not IObjectCreationOperation { Initializer: null } and not IArrayCreationOperation { Initializer: null })
                        {
                            return false;
                        }
                    }

                    foreach (var read in flow.Writes.ReadsOf(collection.Local))
                    {
                        var use = read.Parent;
                        while (use is IConversionOperation)
                        {
                            use = use.Parent;
                        }

                        switch (use)
                        {
                            case IInvocationOperation call when call.Instance == read:
                                if (call.TargetMethod.Name is "Add" or "Insert" or "Push" or "Enqueue")
                                {
                                    foreach (var argument in call.Arguments)
                                    {
                                        if (IsString(argument.Value.Type) && !IsSafeText(argument.Value, scope))
                                        {
                                            return false;
                                        }
                                    }
                                }
                                else if (call.TargetMethod.Name is not ("Clear" or "Contains" or "ToArray" or "Remove" or "RemoveAt" or "GetEnumerator" or "IndexOf"))
                                {
                                    return false;
                                }

                                break;
                            case IPropertyReferenceOperation { Property.Name: "Count" or "Length" }:
                                break;
                            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } }:
                                break;
                            default:
                                return false;
                        }
                    }

                    return true;
                }
                finally
                {
                    _visiting.Remove(collection.Local);
                }
            }

            private bool IsSafeText(IOperation value, Scope scope)
            {
                var walk = Sub();
                walk.Visit(value, scope);
                return walk.Parts.All(p => p.Kind != StringPartKind.UntrustedHole);
            }

            private void VisitLocal(ILocalReferenceOperation reference, Scope scope)
            {
                var writes = _tracer._context.FlowOf(reference, _cancellationToken).For(reference, _cancellationToken);
                if (writes.Count == 0)
                {
                    Untrusted(reference, reference);
                    return;
                }

                if (writes.Count > 1)
                {
                    Inexact();
                }

                var merging = writes.Count > 1 || writes[0].Kind != WriteKind.Value;
                foreach (var write in writes)
                {
                    // When several writes merge, each one's text is added once: two paths through the same earlier
                    // assignment do not make its text appear twice.
                    if (_visitingWrites.Contains(write) || _mergedWrites.Contains(write))
                    {
                        Inexact();
                        continue;
                    }

                    if (merging)
                    {
                        _mergedWrites.Add(write);
                    }

                    _visitingWrites.Add(write);
                    _throughLocals++;
                    VisitWrite(reference, write, scope);
                    _throughLocals--;
                    _visitingWrites.Remove(write);
                }
            }

            private void VisitWrite(ILocalReferenceOperation reference, LocalWrite write, Scope scope)
            {
                switch (write.Kind)
                {
                    case WriteKind.Value:
                        Visit(write.Operation, scope);
                        break;
                    case WriteKind.Append:
                        // sql += more: the value the local had just before, then the appended text.
                        Inexact();
                        if (write.Target is ILocalReferenceOperation previous)
                        {
                            VisitLocal(previous, scope);
                        }

                        Visit(write.Operation, scope);
                        break;
                    case WriteKind.Element:
                        Inexact();
                        VisitSequence(write.Operation, scope);
                        break;
                    case WriteKind.Safe when write.Operation.Parent is IInvocationOperation { Instance: { } table } && _tracer.IsLiteralTable(table, _cancellationToken):
                        Parts.Add(StringPart.ForSafeHole(reference, "choice among fixed texts"));
                        break;
                    default:
                        Inexact();
                        Untrusted(reference, write.Operation);
                        break;
                }
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
                    VisitBuilderLocal(local, scope);
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

            /// <summary>
            /// A StringBuilder local: the creations that reach this read, then the calls made on the builder after the
            /// earliest of them and before this read (or anywhere in a loop around both), in source order.
            /// </summary>
            private void VisitBuilderLocal(ILocalReferenceOperation local, Scope scope)
            {
                if (_visiting.Contains(local.Local))
                {
                    return;
                }

                _visiting.Add(local.Local);
                var flow = _tracer._context.FlowOf(local, _cancellationToken);
                var writes = flow.For(local, _cancellationToken);
                var start = int.MaxValue;
                foreach (var write in writes)
                {
                    start = System.Math.Min(start, write.Position);
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

                if (writes.Count == 0)
                {
                    start = 0;
                }

                foreach (var use in BuilderUses(flow.Writes.ReadsOf(local.Local), local, start))
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
