using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Logging
{
    /// <summary>Where a sensitive value enters a logged expression.</summary>
    internal sealed class SensitiveFinding
    {
        public SensitiveFinding(IOperation hole, string what, FindingShape shape, bool direct)
        {
            Hole = hole;
            What = what;
            Shape = shape;
            Direct = direct;
        }

        /// <summary>The smallest part of the logged expression that carries the value: a hole, an operand, an argument.</summary>
        public IOperation Hole { get; }

        /// <summary>How the value is named in the diagnostic ("password", "config[\"Db:Password\"]").</summary>
        public string What { get; }

        public FindingShape Shape { get; }

        /// <summary>True when the hole itself reads the secret (not a local built from it elsewhere).</summary>
        public bool Direct { get; }
    }

    /// <summary>The syntactic role of <see cref="SensitiveFinding.Hole"/>: tells the code fix what it may edit.</summary>
    internal enum FindingShape
    {
        WholeValue,
        InterpolationHole,
        ConcatenationOperand,
        FormatArgument,
    }

    /// <summary>
    /// Decides whether a logged expression carries a sensitive value, and where. Follows the value through
    /// interpolation, concatenation, string.Format/Concat/Join, ToString()/Trim()/case changes, ?:, ?? and locals;
    /// stops at sanitizers (masking, hashing, encryption, Microsoft.Extensions.Compliance redactors), at constants and
    /// at anything that is not text (lengths, booleans, numbers). This is the logging family's own tracer; it is
    /// kept behind this small API so it can later be unified with the shared string-composition tracer.
    /// </summary>
    internal sealed class SensitiveValueTracer
    {
        private const int MaxDepth = 8;

        private static readonly ImmutableHashSet<string> TextPreservingMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "ToString", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Normalize", "PadLeft", "PadRight");

        /// <summary>Getters whose string key names the value they return (configuration, environment).</summary>
        private static readonly ImmutableHashSet<string> KeyedGetters = ImmutableHashSet.Create(
            StringComparer.Ordinal, "GetValue", "GetRequiredValue", "GetEnvironmentVariable", "GetSection");

        private readonly LoggingSymbols _symbols;
        private readonly LoggingOptions _options;

        private readonly ConcurrentDictionary<ITypeSymbol, string> _exposedMembers = new ConcurrentDictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<LoggingOptions, SensitiveValueTracer> _perSection = new ConcurrentDictionary<LoggingOptions, SensitiveValueTracer>();

        public SensitiveValueTracer(LoggingSymbols symbols, LoggingOptions options)
        {
            _symbols = symbols;
            _options = options;
        }

        /// <summary>The tracer for the options of <paramref name="tree"/>'s section (the file that logs).</summary>
        private SensitiveValueTracer At(SyntaxTree? tree)
        {
            var options = _options.For(tree);
            return ReferenceEquals(options, _options) ? this : _perSection.GetOrAdd(options, o => new SensitiveValueTracer(_symbols, o));
        }

        private static SyntaxTree? TreeOf(ISymbol symbol)
        {
            var references = symbol.DeclaringSyntaxReferences;
            return references.IsEmpty ? null : references[0].SyntaxTree;
        }

        /// <summary>
        /// Finds the sensitive values in <paramref name="value"/>, one per hole, operand or argument that carries one.
        /// <paramref name="structured"/> says the logging library keeps the argument as an object (it may serialize its
        /// properties), so an object that exposes a sensitive property counts; as text only records and anonymous
        /// objects print their properties.
        /// </summary>
        public List<SensitiveFinding> Find(IOperation value, bool structured)
        {
            var scoped = At(value.Syntax.SyntaxTree);
            return ReferenceEquals(scoped, this) ? FindHere(value, structured) : scoped.FindHere(value, structured);
        }

        private List<SensitiveFinding> FindHere(IOperation value, bool structured)
        {
            var findings = new List<SensitiveFinding>();
            var unwrapped = Unwrap(value);
            switch (unwrapped)
            {
                case IInterpolatedStringOperation interpolated:
                    AddInterpolationFindings(interpolated, findings);
                    break;
                case IInterpolatedStringHandlerCreationOperation handler when handler.Content is IInterpolatedStringOperation content:
                    AddInterpolationFindings(content, findings);
                    break;
                case IBinaryOperation binary when IsStringConcatenation(binary):
                    foreach (var operand in ConcatenationOperands(binary))
                    {
                        var what = Trace(operand, structured: false, 0, null, out var viaLocal);
                        if (what is not null)
                        {
                            findings.Add(new SensitiveFinding(operand, what, FindingShape.ConcatenationOperand, !viaLocal));
                        }
                    }

                    break;
                case IInvocationOperation invocation when IsStringFormat(invocation.TargetMethod):
                    foreach (var argument in FormatArguments(invocation))
                    {
                        var what = Trace(argument, structured: false, 0, null, out var viaLocal);
                        if (what is not null)
                        {
                            findings.Add(new SensitiveFinding(argument, what, FindingShape.FormatArgument, !viaLocal));
                        }
                    }

                    break;
                default:
                    var found = Trace(value, structured, 0, null, out var indirect);
                    if (found is not null)
                    {
                        findings.Add(new SensitiveFinding(value, found, FindingShape.WholeValue, !indirect));
                    }

                    break;
            }

            return findings;
        }

        /// <summary>True when a parameter or member is sensitive by its name and type, or by a classification attribute.</summary>
        public bool IsSensitiveSymbol(ISymbol symbol, ITypeSymbol? type, bool structured, out string what)
        {
            var scoped = At(TreeOf(symbol));
            if (!ReferenceEquals(scoped, this))
            {
                return scoped.IsSensitiveSymbol(symbol, type, structured, out what);
            }

            what = symbol.Name;
            if (IsClassified(symbol))
            {
                return true;
            }

            if (IsTextBearing(type) && _options.SecretNames.IsSecretName(symbol.Name, out _))
            {
                return true;
            }

            if ((structured || IsSelfPrinting(type)) && ExposedSensitiveMember(type) is { } member)
            {
                what = symbol.Name + "." + member;
                return true;
            }

            return false;
        }

        /// <summary>A member marked with a data-classification attribute or a configured sensitive attribute.</summary>
        public bool IsClassified(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null)
                {
                    continue;
                }

                if (_symbols.DataClassificationAttribute is not null && LoggingSymbols.InheritsFrom(attributeClass, _symbols.DataClassificationAttribute))
                {
                    return true;
                }

                if (_options.SensitiveAttributes.Contains(LoggingOptions.StripAttributeSuffix(attributeClass.Name)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a [LoggerMessage] parameter carries a Microsoft.Extensions.Compliance data classification: the
        /// extended logging generator redacts it. A plain attribute such as [PersonalData] redacts nothing.
        /// </summary>
        public bool IsRedactedByGenerator(IParameterSymbol parameter)
        {
            var classification = _symbols.DataClassificationAttribute;
            if (classification is null)
            {
                return false;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is not null && LoggingSymbols.InheritsFrom(attribute.AttributeClass, classification))
                {
                    return true;
                }
            }

            return false;
        }

        private void AddInterpolationFindings(IInterpolatedStringOperation interpolated, List<SensitiveFinding> findings)
        {
            foreach (var part in interpolated.Parts)
            {
                var expression = HoleExpression(part);
                if (expression is null)
                {
                    continue;
                }

                var what = Trace(expression, structured: false, 0, null, out var viaLocal);
                if (what is not null)
                {
                    findings.Add(new SensitiveFinding(part, what, FindingShape.InterpolationHole, !viaLocal));
                }
            }
        }

        private string? Trace(IOperation? operation, bool structured, int depth, HashSet<ILocalSymbol>? visited, out bool viaLocal)
        {
            viaLocal = false;
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            var op = Unwrap(operation);
            // Literals and nameof are text the author wrote, not a secret's value. A named constant is different:
            // `const string DatabasePassword = "..."` is a hard-coded secret, and logging it leaks it like any other.
            if (op is IInvalidOperation ||
                (op.ConstantValue.HasValue && op is not IFieldReferenceOperation && op is not ILocalReferenceOperation))
            {
                return null;
            }

            // Members marked as classified data count whatever their type.
            if (op is IMemberReferenceOperation classifiedMember && IsClassified(classifiedMember.Member))
            {
                return classifiedMember.Member.Name;
            }

            var type = op.Type;
            if (IsNeverSensitive(type) && !SymbolEqualityComparer.Default.Equals(type, _symbols.StringValues))
            {
                return null;
            }

            switch (op)
            {
                case ILocalReferenceOperation local:
                    if (IsSensitiveSymbol(local.Local, type, structured, out var localWhat))
                    {
                        return localWhat;
                    }

                    viaLocal = true;
                    return TraceLocal(local, structured, depth, visited);

                case IParameterReferenceOperation parameter:
                    return IsSensitiveSymbol(parameter.Parameter, type, structured, out var parameterWhat) ? parameterWhat : null;

                case IFieldReferenceOperation field:
                    return IsSensitiveSymbol(field.Field, type, structured, out var fieldWhat) ? fieldWhat : null;

                case IPropertyReferenceOperation property:
                    return TraceProperty(property, type, structured, depth, visited, out viaLocal);

                case IInvocationOperation invocation:
                    return TraceInvocation(invocation, structured, depth, visited, out viaLocal);

                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        var hole = Trace(HoleExpression(part), false, depth + 1, visited, out viaLocal);
                        if (hole is not null)
                        {
                            return hole;
                        }
                    }

                    return null;

                case IBinaryOperation binary when IsStringConcatenation(binary):
                    return Trace(binary.LeftOperand, false, depth + 1, visited, out viaLocal) ??
                           Trace(binary.RightOperand, false, depth + 1, visited, out viaLocal);

                case IConditionalOperation conditional:
                    return Trace(conditional.WhenTrue, structured, depth + 1, visited, out viaLocal) ??
                           Trace(conditional.WhenFalse, structured, depth + 1, visited, out viaLocal);

                case ICoalesceOperation coalesce:
                    return Trace(coalesce.Value, structured, depth + 1, visited, out viaLocal) ??
                           Trace(coalesce.WhenNull, structured, depth + 1, visited, out viaLocal);

                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        var fromArm = Trace(arm.Value, structured, depth + 1, visited, out viaLocal);
                        if (fromArm is not null)
                        {
                            return fromArm;
                        }
                    }

                    return null;

                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        var fromElement = Trace(element, structured, depth + 1, visited, out viaLocal);
                        if (fromElement is not null)
                        {
                            return fromElement;
                        }
                    }

                    return null;

                case IConditionalAccessOperation conditionalAccess:
                    return Trace(conditionalAccess.WhenNotNull, structured, depth + 1, visited, out viaLocal);

                case IConditionalAccessInstanceOperation:
                    // The receiver of "x?.Member": trace x.
                    var access = op.Parent;
                    while (access is not null && access is not IConditionalAccessOperation)
                    {
                        access = access.Parent;
                    }

                    return access is IConditionalAccessOperation owner ? Trace(owner.Operation, structured, depth + 1, visited, out viaLocal) : null;

                case IAwaitOperation awaited:
                    return Trace(awaited.Operation, structured, depth + 1, visited, out viaLocal);
            }

            return ObjectExposure(op, type, structured);
        }

        private string? TraceProperty(IPropertyReferenceOperation property, ITypeSymbol? type, bool structured, int depth, HashSet<ILocalSymbol>? visited, out bool viaLocal)
        {
            viaLocal = false;
            var symbol = property.Property;

            // config["Db:Password"], headers["Authorization"], section["ApiKey"]: the key names the value.
            if (symbol.IsIndexer)
            {
                var key = ConstantKey(property.Arguments.Select(a => a.Value));
                if (key is not null && IsTextBearing(type) && _options.SecretNames.IsSecretName(key, out _))
                {
                    return Describe(property.Instance) + "[\"" + key + "\"]";
                }

                return ObjectExposure(property, type, structured);
            }

            if (IsSensitiveSymbol(symbol, type, structured, out var what))
            {
                return what;
            }

            // request.Headers.Authorization.Parameter is the credential itself.
            if (symbol.Name == "Parameter" && _symbols.AuthenticationHeaderValue is not null &&
                SymbolEqualityComparer.Default.Equals(symbol.ContainingType, _symbols.AuthenticationHeaderValue) &&
                Trace(property.Instance, false, depth + 1, visited, out viaLocal) is { } header)
            {
                return header + ".Parameter";
            }

            // config.GetSection("Password").Value
            if (symbol.Name == "Value" && property.Instance is IInvocationOperation { TargetMethod.Name: "GetSection" } section &&
                ConstantKey(section.Arguments.Select(a => a.Value)) is { } sectionKey && _options.SecretNames.IsSecretName(sectionKey, out _))
            {
                return "GetSection(\"" + sectionKey + "\").Value";
            }

            return ObjectExposure(property, type, structured);
        }

        private string? TraceInvocation(IInvocationOperation invocation, bool structured, int depth, HashSet<ILocalSymbol>? visited, out bool viaLocal)
        {
            viaLocal = false;
            var method = invocation.TargetMethod;
            if (IsSanitizer(method))
            {
                return null;
            }

            if (method.Name == "GetConnectionString")
            {
                return "GetConnectionString(...)";
            }

            if (KeyedGetters.Contains(method.Name) && method.Name != "GetSection" &&
                ConstantKey(invocation.Arguments.Select(a => a.Value)) is { } key && _options.SecretNames.IsSecretName(key, out _))
            {
                return method.Name + "(\"" + key + "\")";
            }

            if (TextPreservingMethods.Contains(method.Name) && invocation.Instance is not null)
            {
                var fromInstance = Trace(invocation.Instance, false, depth + 1, visited, out viaLocal);
                if (fromInstance is not null)
                {
                    return fromInstance;
                }
            }

            // Any other method that returns text from a sensitive input is assumed to pass it on (string.Format,
            // Concat, Substring, Uri.EscapeDataString, a helper that builds a message); sanitizers were excluded above.
            // Serializers write every property of the object they are given.
            if (method.ReturnType.SpecialType == SpecialType.System_String)
            {
                var serializes = method.Name.StartsWith("Serialize", StringComparison.Ordinal);
                foreach (var argument in ExpandedArguments(invocation))
                {
                    var found = Trace(argument, serializes, depth + 1, visited, out viaLocal);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                if (invocation.Instance is not null && !TextPreservingMethods.Contains(method.Name) &&
                    Trace(invocation.Instance, false, depth + 1, visited, out viaLocal) is { } fromReceiver)
                {
                    return fromReceiver;
                }
            }

            return ObjectExposure(invocation, invocation.Type, structured);
        }

        /// <summary>A local that is not itself named as a secret is sensitive when any value assigned to it is.</summary>
        private string? TraceLocal(ILocalReferenceOperation local, bool structured, int depth, HashSet<ILocalSymbol>? visited)
        {
            visited ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            if (!visited.Add(local.Local))
            {
                return null;
            }

            foreach (var assigned in AssignmentsOf(local))
            {
                var found = Trace(assigned, structured, depth + 1, visited, out _);
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>
        /// The values assigned to the local that can reach this read, from the flow core's index of the body (built
        /// once per body and shared with the SQL rules): a local overwritten before it is logged is not the secret.
        /// </summary>
        private static IEnumerable<IOperation> AssignmentsOf(ILocalReferenceOperation local) => AssignmentsOf(local, new HashSet<LocalWrite>());

        private static IEnumerable<IOperation> AssignmentsOf(ILocalReferenceOperation local, HashSet<LocalWrite> seen)
        {
            var compilation = local.SemanticModel?.Compilation;
            if (compilation is null)
            {
                yield break;
            }

            foreach (var write in FlowContext.Get(compilation).FlowOf(local, System.Threading.CancellationToken.None).For(local, System.Threading.CancellationToken.None))
            {
                if (!seen.Add(write))
                {
                    continue;
                }

                if (write.Kind is WriteKind.Value or WriteKind.Append or WriteKind.Element)
                {
                    yield return write.Operation;
                }

                if (write.Kind == WriteKind.Append && write.Target is ILocalReferenceOperation previous)
                {
                    foreach (var earlier in AssignmentsOf(previous, seen))
                    {
                        yield return earlier;
                    }
                }
            }
        }

        /// <summary>An object whose properties are written out: destructured by structured loggers, or a record / anonymous object printed as text.</summary>
        private string? ObjectExposure(IOperation operation, ITypeSymbol? type, bool structured)
        {
            if (!structured && !IsSelfPrinting(type))
            {
                return null;
            }

            var member = ExposedSensitiveMember(type);
            return member is null ? null : Describe(operation) + "." + member;
        }

        private string? ExposedSensitiveMember(ITypeSymbol? type)
        {
            if (type is null || type.IsValueType || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Delegate or TypeKind.Array or TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error ||
                _symbols.IsException(type))
            {
                return null;
            }

            var member = _exposedMembers.GetOrAdd(type, FindExposedMember);
            return member.Length == 0 ? null : member;
        }

        private string FindExposedMember(ITypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                    {
                        continue;
                    }

                    var memberType = member switch
                    {
                        IPropertySymbol { IsIndexer: false } p => p.Type,
                        IFieldSymbol f => f.Type,
                        _ => null,
                    };

                    if (memberType is null)
                    {
                        continue;
                    }

                    if (IsClassified(member) || (IsTextBearing(memberType) && _options.SecretNames.IsSecretName(member.Name, out _)))
                    {
                        return member.Name;
                    }
                }
            }

            return string.Empty;
        }

        private bool IsSanitizer(IMethodSymbol method)
        {
            if (_options.IsSanitizer(method))
            {
                return true;
            }

            return _symbols.Redactor is not null && method.ContainingType is not null && LoggingSymbols.InheritsFrom(method.ContainingType, _symbols.Redactor);
        }

        /// <summary>Values that print no secret whatever they were computed from: numbers, booleans, enums, Guid and dates (the flow core's safe types).</summary>
        private static bool IsNeverSensitive(ITypeSymbol? type) => StringTracer.IsSafeType(type);

        /// <summary>Types that print their content when logged: text, text-like wrappers, and values of unknown type.</summary>
        private bool IsTextBearing(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Object:
                    return true;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_String;
            }

            return type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic ||
                   SymbolEqualityComparer.Default.Equals(type, _symbols.StringValues) ||
                   SymbolEqualityComparer.Default.Equals(type, _symbols.AuthenticationHeaderValue);
        }

        /// <summary>Records and anonymous objects print every property from ToString().</summary>
        private static bool IsSelfPrinting(ITypeSymbol? type) => type is not null && (type.IsRecord || type.IsAnonymousType);

        public static IOperation Unwrap(IOperation operation)
        {
            var current = operation;
            while (current is IConversionOperation conversion && conversion.Operand is not null)
            {
                current = conversion.Operand;
            }

            return current;
        }

        private static IOperation? HoleExpression(IInterpolatedStringContentOperation part) => part switch
        {
            IInterpolationOperation interpolation => interpolation.Expression,
            IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation call } when call.Arguments.Length > 0 => call.Arguments[0].Value,
            _ => null,
        };

        private static bool IsStringConcatenation(IBinaryOperation binary) =>
            binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String;

        private static IEnumerable<IOperation> ConcatenationOperands(IBinaryOperation binary)
        {
            foreach (var side in new[] { binary.LeftOperand, binary.RightOperand })
            {
                if (Unwrap(side) is IBinaryOperation nested && IsStringConcatenation(nested))
                {
                    foreach (var operand in ConcatenationOperands(nested))
                    {
                        yield return operand;
                    }
                }
                else
                {
                    yield return side;
                }
            }
        }

        private static bool IsStringFormat(IMethodSymbol method) =>
            method.IsStatic && (method.Name == "Format" || method.Name == "Concat") && method.ContainingType?.SpecialType == SpecialType.System_String;

        /// <summary>The values string.Format / string.Concat print: everything after the format string, params arrays expanded.</summary>
        private static IEnumerable<IOperation> FormatArguments(IInvocationOperation invocation)
        {
            var seenFormat = invocation.TargetMethod.Name == "Concat";
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null)
                {
                    continue;
                }

                if (!seenFormat)
                {
                    seenFormat = argument.Parameter.Name == "format";
                    continue;
                }

                foreach (var value in Expand(argument))
                {
                    yield return value;
                }
            }
        }

        private static IEnumerable<IOperation> ExpandedArguments(IInvocationOperation invocation) =>
            invocation.Arguments.SelectMany(Expand);

        /// <summary>The values of an argument: the elements of a params array, or the argument itself.</summary>
        public static IEnumerable<IOperation> Expand(IArgumentOperation argument)
        {
            if (argument.Parameter is { IsParams: true })
            {
                var value = Unwrap(argument.Value);
                if (value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    return initializer.ElementValues;
                }

                // "params ReadOnlySpan<object?>" (C# 13): the compiler builds a collection whose children are the values.
                // The argument kind is then ParamCollection (newer than the Roslyn we build against): neither explicit nor default.
                if (argument.ArgumentKind != ArgumentKind.Explicit && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return value.ChildOperations;
                }
            }

            return new[] { argument.Value };
        }

        private static string? ConstantKey(IEnumerable<IOperation> values)
        {
            foreach (var value in values)
            {
                if (value.ConstantValue.HasValue && value.ConstantValue.Value is string key)
                {
                    return key;
                }
            }

            return null;
        }

        private static string Describe(IOperation? operation)
        {
            var text = operation?.Syntax.ToString() ?? string.Empty;
            return text.Length > 40 ? text.Substring(0, 40) + "..." : text;
        }
    }
}
