using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// The logging family's policy over the flow core: decides whether a logged expression carries a sensitive value,
    /// and where. The value itself is walked by the one walker every family uses (<see cref="StringTracer"/>: locals
    /// through reaching writes, concatenation, interpolation, Format/Concat/Join, choices, switch expressions, tuples,
    /// StringBuilder, helper methods); this class only judges what the walker meets: secret-named symbols, secret
    /// configuration keys, Authorization headers, classified data, objects exposing one. It stops at sanitizers (by
    /// whole method name, or Microsoft.Extensions.Compliance redactors), at constants and at values that print no
    /// secret (numbers, booleans, enums, Guid, dates).
    /// </summary>
    internal sealed class SensitiveValues
    {
        /// <summary>Getters whose string key names the value they return (configuration, environment).</summary>
        private static readonly ImmutableHashSet<string> KeyedGetters = ImmutableHashSet.Create(
            StringComparer.Ordinal, "GetValue", "GetRequiredValue", "GetEnvironmentVariable", "GetSection");

        private readonly LoggingSymbols _symbols;
        private readonly LoggingOptions _options;

        private readonly ConcurrentDictionary<ITypeSymbol, string> _exposedMembers = new ConcurrentDictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<Compilation, StringTracer> _walkers = new ConcurrentDictionary<Compilation, StringTracer>();
        private readonly ConcurrentDictionary<LoggingOptions, SensitiveValues> _perSection = new ConcurrentDictionary<LoggingOptions, SensitiveValues>();

        private readonly SensitiveSources _headers;

        public SensitiveValues(LoggingSymbols symbols, LoggingOptions options)
        {
            _symbols = symbols;
            _options = options;
            _headers = new SensitiveSources(symbols, options.SecretNames);
        }

        /// <summary>The tracer for the options of <paramref name="tree"/>'s section (the file that logs).</summary>
        private SensitiveValues At(SyntaxTree? tree)
        {
            var options = _options.For(tree);
            return ReferenceEquals(options, _options) ? this : _perSection.GetOrAdd(options, o => new SensitiveValues(_symbols, o));
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
        public List<SensitiveFinding> Find(IOperation value, bool structured, CancellationToken cancellationToken = default)
        {
            var scoped = At(value.Syntax.SyntaxTree);
            return ReferenceEquals(scoped, this) ? FindHere(value, structured, cancellationToken) : scoped.FindHere(value, structured, cancellationToken);
        }

        private List<SensitiveFinding> FindHere(IOperation value, bool structured, CancellationToken cancellationToken)
        {
            var findings = new List<SensitiveFinding>();
            var unwrapped = Unwrap(value);
            switch (unwrapped)
            {
                case IInterpolatedStringOperation interpolated:
                    AddInterpolationFindings(interpolated, findings, cancellationToken);
                    break;
                case IInterpolatedStringHandlerCreationOperation handler when handler.Content is IInterpolatedStringOperation content:
                    AddInterpolationFindings(content, findings, cancellationToken);
                    break;
                case IBinaryOperation binary when IsStringConcatenation(binary):
                    foreach (var operand in ConcatenationOperands(binary))
                    {
                        var what = Trace(operand, structured: false, cancellationToken, out var viaLocal);
                        if (what is not null)
                        {
                            findings.Add(new SensitiveFinding(operand, what, FindingShape.ConcatenationOperand, !viaLocal));
                        }
                    }

                    break;
                case IInvocationOperation invocation when IsStringFormat(invocation.TargetMethod):
                    foreach (var argument in FormatArguments(invocation))
                    {
                        var what = Trace(argument, structured: false, cancellationToken, out var viaLocal);
                        if (what is not null)
                        {
                            findings.Add(new SensitiveFinding(argument, what, FindingShape.FormatArgument, !viaLocal));
                        }
                    }

                    break;
                default:
                    var found = Trace(value, structured, cancellationToken, out var indirect);
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

                if (_symbols.DataClassificationAttribute is not null && TypeHierarchy.InheritsFrom(attributeClass, _symbols.DataClassificationAttribute))
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
                if (attribute.AttributeClass is not null && TypeHierarchy.InheritsFrom(attribute.AttributeClass, classification))
                {
                    return true;
                }
            }

            return false;
        }

        private void AddInterpolationFindings(IInterpolatedStringOperation interpolated, List<SensitiveFinding> findings, CancellationToken cancellationToken)
        {
            foreach (var part in interpolated.Parts)
            {
                var expression = HoleExpression(part);
                if (expression is null)
                {
                    continue;
                }

                var what = Trace(expression, structured: false, cancellationToken, out var viaLocal);
                if (what is not null)
                {
                    findings.Add(new SensitiveFinding(part, what, FindingShape.InterpolationHole, !viaLocal));
                }
            }
        }

        /// <summary>
        /// Walks the value with the flow core's one walker (locals through reaching writes, concatenation,
        /// interpolation, Format/Concat/Join, choices, switch expressions, tuples, StringBuilder, helper methods) and
        /// returns how the first sensitive source it carries is named.
        /// </summary>
        private string? Trace(IOperation? operation, bool structured, CancellationToken cancellationToken, out bool viaLocal)
        {
            viaLocal = false;
            if (operation is null || operation.SemanticModel?.Compilation is not { } compilation)
            {
                return null;
            }

            var walker = _walkers.GetOrAdd(compilation, c => new StringTracer(c, MethodList.Empty));
            var composition = walker.Decompose(operation, new LoggingPolicy(this, operation, structured, cancellationToken), cancellationToken);
            foreach (var part in composition.Parts)
            {
                if (part.Flag is not null)
                {
                    viaLocal = part.ViaLocal;
                    return part.Flag;
                }
            }

            return null;
        }

        /// <summary>The logging family's policy over the walker: which values are sensitive, which are clean.</summary>
        private sealed class LoggingPolicy : FlowPolicy
        {
            private readonly SensitiveValues _owner;
            private readonly IOperation _root;
            private readonly bool _rootStructured;
            private HashSet<IOperation>? _serialized;

            public CancellationToken CancellationToken { get; }

            public LoggingPolicy(SensitiveValues owner, IOperation root, bool structured, CancellationToken cancellationToken)
            {
                CancellationToken = cancellationToken;
                _owner = owner;
                _root = Unwrap(root);
                _rootStructured = structured;
            }

            public override FlowVerdict Judge(IOperation op, out string description)
            {
                description = string.Empty;
                var structured = (_rootStructured && op == _root) || (_serialized is not null && _serialized.Contains(op));

                // Literals and nameof are text the author wrote, not a secret's value. A named constant is different:
                // `const string DatabasePassword = "..."` is a hard-coded secret, and logging it leaks it like any other.
                if (op is IInvalidOperation || (op.ConstantValue.HasValue && op is not IFieldReferenceOperation && op is not ILocalReferenceOperation))
                {
                    return FlowVerdict.Clean;
                }

                // Members marked as classified data count whatever their type.
                if (op is IMemberReferenceOperation classifiedMember && _owner.IsClassified(classifiedMember.Member))
                {
                    description = classifiedMember.Member.Name;
                    return FlowVerdict.Flagged;
                }

                // Credential headers: request.Headers.GetValues("Authorization"), Request.Headers.Authorization.
                if (_owner._headers.Recognize(op) is { } header)
                {
                    description = header;
                    return FlowVerdict.Flagged;
                }

                var type = op.Type;
                if (IsNeverSensitive(type) && !SymbolEqualityComparer.Default.Equals(type, _owner._symbols.StringValues))
                {
                    return FlowVerdict.Clean;
                }

                string? what;
                switch (op)
                {
                    case ILocalReferenceOperation local:
                        // A secret-named local is the secret; any other local is followed to the values that reach it.
                        return _owner.IsSensitiveSymbol(local.Local, type, structured, out description) ? FlowVerdict.Flagged : FlowVerdict.Continue;
                    case IParameterReferenceOperation parameter:
                        return _owner.IsSensitiveSymbol(parameter.Parameter, type, structured, out description) ? FlowVerdict.Flagged : FlowVerdict.Clean;
                    case IFieldReferenceOperation field:
                        return _owner.IsSensitiveSymbol(field.Field, type, structured, out description) ? FlowVerdict.Flagged : FlowVerdict.Clean;
                    case IPropertyReferenceOperation property:
                        what = _owner.SensitiveProperty(property, type, structured, CancellationToken);
                        break;
                    case IInvocationOperation invocation:
                        if (_owner.IsSanitizer(invocation.TargetMethod))
                        {
                            description = "sanitizer " + invocation.TargetMethod.Name;
                            return FlowVerdict.Clean;
                        }

                        what = _owner.SensitiveCall(invocation);
                        if (what is null && !IsString(invocation.Type))
                        {
                            what = _owner.ObjectExposure(invocation, type, structured);
                        }

                        break;
                    case IInterpolatedStringOperation or IBinaryOperation or IConditionalOperation or ICoalesceOperation or ISwitchExpressionOperation or
                        ITupleOperation or IConditionalAccessOperation or IConditionalAccessInstanceOperation or IAwaitOperation:
                        return FlowVerdict.Continue;
                    default:
                        what = _owner.ObjectExposure(op, type, structured);
                        if (what is null)
                        {
                            return FlowVerdict.Clean;
                        }

                        break;
                }

                if (what is not null)
                {
                    description = what;
                    return FlowVerdict.Flagged;
                }

                return op is IPropertyReferenceOperation ? FlowVerdict.Clean : FlowVerdict.Continue;
            }

            /// <summary>
            /// Any method that returns text from a sensitive input is assumed to pass it on (Substring,
            /// Uri.EscapeDataString, a message builder); sanitizers were judged clean before. Serializers write every
            /// property of the object they are given.
            /// </summary>
            public override IEnumerable<IOperation>? Carried(IOperation value)
            {
                if (value is not IInvocationOperation invocation || invocation.TargetMethod.ReturnType.SpecialType != SpecialType.System_String)
                {
                    return value is IInvocationOperation ? System.Array.Empty<IOperation>() : null;
                }

                var carried = new List<IOperation>();
                if (invocation.Instance is not null)
                {
                    carried.Add(invocation.Instance);
                }

                var serializes = invocation.TargetMethod.Name.StartsWith("Serialize", StringComparison.Ordinal);
                foreach (var argument in ExpandedArguments(invocation))
                {
                    carried.Add(argument);
                    if (serializes)
                    {
                        (_serialized ??= new HashSet<IOperation>()).Add(Unwrap(argument));
                    }
                }

                return carried;
            }

            private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
        }

        /// <summary>config["Db:Password"], a secret-named property, an Authorization header's Parameter, GetSection("Password").Value.</summary>
        private string? SensitiveProperty(IPropertyReferenceOperation property, ITypeSymbol? type, bool structured, CancellationToken cancellationToken)
        {
            var symbol = property.Property;
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
                Trace(property.Instance, false, cancellationToken, out _) is { } header)
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

        /// <summary>Calls whose result is a secret by what they read: GetConnectionString, GetValue("ApiKey")...</summary>
        private string? SensitiveCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "GetConnectionString")
            {
                return "GetConnectionString(...)";
            }

            if (KeyedGetters.Contains(method.Name) && method.Name != "GetSection" &&
                ConstantKey(invocation.Arguments.Select(a => a.Value)) is { } key && _options.SecretNames.IsSecretName(key, out _))
            {
                return method.Name + "(\"" + key + "\")";
            }

            return null;
        }

        /// <summary>An object whose properties are written out: destructured by structured loggers, or a record / anonymous object printed as text.</summary>
        internal string? ObjectExposure(IOperation operation, ITypeSymbol? type, bool structured)
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

        internal bool IsSanitizer(IMethodSymbol method)
        {
            if (_options.IsSanitizer(method))
            {
                return true;
            }

            return _symbols.Redactor is not null && method.ContainingType is not null && TypeHierarchy.InheritsFrom(method.ContainingType, _symbols.Redactor);
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
