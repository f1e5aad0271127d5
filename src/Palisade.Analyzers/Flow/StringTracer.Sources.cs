using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Flow
{
    /// <summary>Where values come from: assignments to locals, StringBuilder uses, literal fields and tables, helper bodies.</summary>
    internal sealed partial class StringTracer
    {
        /// <summary>
        /// Calls made on a StringBuilder local (each chained call too), and the places it is handed to other code, in
        /// source order: those after <paramref name="start"/> and before <paramref name="read"/>, or inside a loop
        /// that also holds the read (the next turn of the loop sees them).
        /// </summary>
        private static List<IOperation> BuilderUses(IReadOnlyList<ILocalReferenceOperation> references, ILocalReferenceOperation read, int start)
        {
            var uses = new List<IOperation>();
            var end = read.Syntax.SpanStart;
            var loopEnd = EnclosingLoopEnd(read);

            // References are in source order: walk back from the read to the builder's creation, stopping at a Clear()
            // (a builder reused for the next statement starts again there). Only this stretch is looked at, so a
            // builder reused through a long method costs the length of each stretch, not of the method.
            var last = FirstAtOrAfter(references, System.Math.Max(end, loopEnd)) - 1;
            for (var i = last; i >= 0; i--)
            {
                var reference = references[i];
                var at = reference.Syntax.SpanStart;
                if (at < start)
                {
                    break;
                }

                if (reference == read || (at >= end && !InSameLoop(reference, read)))
                {
                    continue;
                }

                if (reference.Parent is IInvocationOperation { TargetMethod.Name: "Clear" } clear && clear.Instance == reference && at < end && !InSameLoop(reference, read))
                {
                    break;
                }

                if (reference.Parent is IInvocationOperation call && call.Instance == reference)
                {
                    IOperation current = call;
                    while (current is IInvocationOperation chained && IsStringBuilder(chained.TargetMethod.ContainingType))
                    {
                        uses.Add(chained);
                        if (chained.Parent is IInvocationOperation next && next.Instance == chained)
                        {
                            current = next;
                        }
                        else
                        {
                            break;
                        }
                    }
                }
                else if (reference.Parent is IArgumentOperation argument && argument.Parent is IInvocationOperation target && !IsStringBuilder(target.TargetMethod.ContainingType))
                {
                    uses.Add(argument);
                }
            }

            uses.Sort((a, b) => a.Syntax.Span.End.CompareTo(b.Syntax.Span.End));
            return uses;
        }

        private static int FirstAtOrAfter(IReadOnlyList<ILocalReferenceOperation> references, int position)
        {
            int low = 0, high = references.Count;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (references[middle].Syntax.SpanStart < position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        /// <summary>The end of the outermost loop around <paramref name="read"/> within its function, or 0.</summary>
        private static int EnclosingLoopEnd(IOperation read)
        {
            var end = 0;
            for (var current = read.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    break;
                }

                if (current is ILoopOperation loop)
                {
                    end = loop.Syntax.Span.End;
                }
            }

            return end;
        }

        private static bool InSameLoop(IOperation use, IOperation read)
        {
            for (var current = read.Parent; current is not null; current = current.Parent)
            {
                if (current is ILoopOperation loop && loop.Syntax.Span.Contains(use.Syntax.Span))
                {
                    return true;
                }

                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>The items of an inline array or collection argument (params), or null for any other collection.</summary>
        private static List<IOperation>? Elements(IOperation value)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped is IArrayCreationOperation array)
            {
                if (array.Initializer is not null)
                {
                    return array.Initializer.ElementValues.ToList();
                }

                return array.DimensionSizes.All(d => d.ConstantValue is { HasValue: true, Value: 0 }) ? new List<IOperation>() : null;
            }

            if (unwrapped.Syntax is CollectionExpressionSyntax || (unwrapped.Type is INamedTypeSymbol { Name: "ReadOnlySpan" } && unwrapped is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IInvocationOperation or IPropertyReferenceOperation)))
            {
                var children = unwrapped.ChildOperations.ToList();
                if (children.Count == 1 && children[0] is IArrayCreationOperation inner)
                {
                    return Elements(inner);
                }

                return children;
            }

            return null;
        }

        private static ITypeSymbol? ElementType(ITypeSymbol? type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is INamedTypeSymbol named)
            {
                if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return named.TypeArguments[0];
                }

                foreach (var candidate in named.AllInterfaces)
                {
                    if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                    {
                        return candidate.TypeArguments[0];
                    }
                }
            }

            return null;
        }

        /// <summary>A read-only string field (static or not) initialized with constant text and never assigned in a constructor.</summary>
        private bool IsLiteralField(IFieldSymbol field, CancellationToken cancellationToken)
        {
            if (!field.IsReadOnly || !IsString(field.Type))
            {
                return false;
            }

            if (_context.LiteralFields.TryGetValue(field, out var known))
            {
                return known;
            }

            // Only complete answers are stored: a cancelled check throws before it gets here.
            var answer = InitializerIs(field, cancellationToken, (expression, model) => model.GetConstantValue(expression, cancellationToken).HasValue);
            return _context.LiteralFields.GetOrAdd(field, answer);
        }

        /// <summary>
        /// A read-only string field set once, where it is declared, from text with no untrusted hole: static readonly
        /// columns joined from reflection names, a prefix built from constants. Fields inside that initializer count
        /// only when they hold constant text, so the answer needs no recursion and is the same on every run.
        /// </summary>
        private bool IsSafeField(IFieldSymbol field, CancellationToken cancellationToken)
        {
            if (!field.IsReadOnly || !IsString(field.Type))
            {
                return false;
            }

            if (_safeFields.TryGetValue(field, out var known))
            {
                return known;
            }

            var answer = InitializerIs(field, cancellationToken, (expression, model) =>
            {
                var operation = model.GetOperation(expression, cancellationToken);
                if (operation is null)
                {
                    return false;
                }

                var walk = Walk.ForFieldInitializer(this, cancellationToken);
                walk.Visit(operation, Scope.Root);
                return walk.Parts.All(p => p.Kind != StringPartKind.UntrustedHole);
            });
            return _safeFields.GetOrAdd(field, answer);
        }

        /// <summary>
        /// A dictionary, array or list whose values are all literals: a read-only field or a local assigned once, or an
        /// inline array. Indexing it (or TryGetValue) picks one of a fixed set of texts.
        /// </summary>
        private bool IsLiteralTable(IOperation operation, CancellationToken cancellationToken)
        {
            var value = Unwrap(operation);
            switch (value)
            {
                case IFieldReferenceOperation field when field.Field.IsReadOnly:
                    if (_context.LiteralTables.TryGetValue(field.Field, out var known))
                    {
                        return known;
                    }

                    var answer = InitializerIs(field.Field, cancellationToken, IsLiteralCollection);
                    return _context.LiteralTables.GetOrAdd(field.Field, answer);
                case ILocalReferenceOperation local:
                    var writes = _context.FlowOf(local, cancellationToken).Writes.WritesOf(local.Local);
                    return writes.Count == 1 && writes[0].Kind == WriteKind.Value && ModelFor(writes[0].Operation.Syntax.SyntaxTree, value) is { } model &&
                           IsLiteralCollection(Unwrap(writes[0].Operation).Syntax as ExpressionSyntax, model);
                case IArrayCreationOperation or IObjectCreationOperation:
                    return value.SemanticModel is { } ownModel && IsLiteralCollection(value.Syntax as ExpressionSyntax, ownModel);
                default:
                    return false;
            }
        }

        private bool InitializerIs(IFieldSymbol field, CancellationToken cancellationToken, System.Func<ExpressionSyntax, SemanticModel, bool> test)
        {
            if (field.DeclaringSyntaxReferences.Length != 1 ||
                field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator)
            {
                return false;
            }

            var model = ModelFor(declarator.SyntaxTree, null);
            if (model is null || !test(initializer, model))
            {
                return false;
            }

            // A constructor may still replace the value.
            foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var constructor in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<ConstructorDeclarationSyntax>())
                {
                    foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        var target = assignment.Left is MemberAccessExpressionSyntax member ? member.Name : assignment.Left as SimpleNameSyntax;
                        if (target?.Identifier.ValueText == field.Name)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        private static bool IsLiteralCollection(ExpressionSyntax? expression, SemanticModel model)
        {
            switch (expression)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    return creation.Initializer is { } init && init.Expressions.All(e => IsLiteralElement(e, model));
                case ArrayCreationExpressionSyntax array:
                    return array.Initializer is { } arrayInit && arrayInit.Expressions.All(e => IsConstant(e, model));
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return implicitArray.Initializer.Expressions.All(e => IsConstant(e, model));
                case InitializerExpressionSyntax initializer:
                    return initializer.Expressions.All(e => IsConstant(e, model));
                case CollectionExpressionSyntax collection:
                    return collection.Elements.All(e => e is ExpressionElementSyntax item && IsConstant(item.Expression, model));
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } conversion
                    when access.Name.Identifier.ValueText.StartsWith("To", System.StringComparison.Ordinal) && conversion.ArgumentList.Arguments.Count <= 1:
                    // ToFrozenDictionary(), ToImmutableArray(), ToList()... of a literal collection.
                    return IsLiteralCollection(access.Expression, model);
                default:
                    return false;
            }
        }

        /// <summary>An item of a collection initializer: only the value matters (keys only select).</summary>
        private static bool IsLiteralElement(ExpressionSyntax element, SemanticModel model) => element switch
        {
            InitializerExpressionSyntax pair => pair.Expressions.Count > 0 && IsConstant(pair.Expressions[pair.Expressions.Count - 1], model),
            AssignmentExpressionSyntax indexed => IsConstant(indexed.Right, model),
            _ => IsConstant(element, model),
        };

        private static bool IsConstant(ExpressionSyntax expression, SemanticModel model) =>
            model.GetConstantValue(expression).HasValue;

        /// <summary>The body operation of a method or local function declared in this compilation, or null.</summary>
        internal IOperation? BodyOf(IMethodSymbol method, IOperation? near, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var hasBody = syntax switch
                {
                    MethodDeclarationSyntax declaration => declaration.Body is not null || declaration.ExpressionBody is not null,
                    ConstructorDeclarationSyntax constructor => constructor.Body is not null || constructor.ExpressionBody is not null || constructor.Initializer is not null,
                    LocalFunctionStatementSyntax local => local.Body is not null || local.ExpressionBody is not null,
                    _ => false,
                };
                if (!hasBody)
                {
                    continue;
                }

                var model = ModelFor(syntax.SyntaxTree, near);
                var operation = model?.GetOperation(syntax, cancellationToken);
                return operation is ILocalFunctionOperation localFunction ? localFunction.Body : operation;
            }

            return null;
        }

        private SemanticModel? ModelFor(SyntaxTree tree, IOperation? near)
        {
            if (near?.SemanticModel is { } own && own.SyntaxTree == tree)
            {
                return own;
            }

            if (!_compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            // Only reached when a SQL value is traced into a helper method or a literal field declared in another
            // file: rare, and the answer is cached per symbol where it can be.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            return _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }
}
