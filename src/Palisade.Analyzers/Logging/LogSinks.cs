using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Logging
{
    /// <summary>One value a sink writes out.</summary>
    internal readonly struct LoggedValue
    {
        public LoggedValue(IOperation value, IParameterSymbol parameter, bool structured, bool canMask, int templateArgumentIndex, string? keyName = null)
        {
            Value = value;
            Parameter = parameter;
            Structured = structured;
            CanMask = canMask;
            TemplateArgumentIndex = templateArgumentIndex;
            KeyName = keyName;
        }

        public IOperation Value { get; }

        public IParameterSymbol Parameter { get; }

        /// <summary>The library keeps the value as an object (it may serialize its properties).</summary>
        public bool Structured { get; }

        /// <summary>A string literal may take its place (the parameter accepts a string).</summary>
        public bool CanMask { get; }

        /// <summary>When the value fills a hole of a literal template in the same call: the template's index in the argument list; else -1.</summary>
        public int TemplateArgumentIndex { get; }

        /// <summary>
        /// The constant name the value is logged under, when the call gives one: a key of a dictionary passed to
        /// BeginScope, the property name of NLog's <c>Property("ApiKey", value)</c>. A secret name makes the value sensitive.
        /// </summary>
        public string? KeyName { get; }
    }

    /// <summary>
    /// Knows the logging and console APIs: which invocations write to a log, and which of their arguments end up
    /// in it (the message or template, and the values that fill it). Exceptions, format providers, levels and
    /// event ids are not logged values.
    /// </summary>
    internal sealed class LogSinks
    {
        private static readonly ImmutableHashSet<string> MelMethods = ImmutableHashSet.Create(
            "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "Log", "BeginScope");

        private static readonly ImmutableHashSet<string> SerilogMethods = ImmutableHashSet.Create(
            "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write");

        private static readonly ImmutableHashSet<string> NLogMethods = ImmutableHashSet.Create(
            "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalTrace", "ConditionalDebug");

        private static readonly ImmutableHashSet<string> Log4NetMethods = ImmutableHashSet.Create(
            "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat");

        private static readonly ImmutableHashSet<string> ConsoleMethods = ImmutableHashSet.Create(
            "Write", "WriteLine", "WriteAsync", "WriteLineAsync");

        private static readonly ImmutableHashSet<string> DiagnosticsMethods = ImmutableHashSet.Create(
            "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "TraceInformation", "TraceWarning", "TraceError", "Fail", "Assert");

        private static readonly ImmutableHashSet<string> TemplateParameterNames = ImmutableHashSet.Create(
            "message", "messageTemplate", "messageFormat", "format");

        /// <summary>The methods of NLog's fluent builders that put values into the event.</summary>
        private static readonly ImmutableHashSet<string> NLogBuilderMethods = ImmutableHashSet.Create(
            "Message", "Property", "Properties");

        private readonly LoggingSymbols _symbols;

        public LogSinks(LoggingSymbols symbols)
        {
            _symbols = symbols;
        }

        /// <summary>True when the compilation references at least one sink this rule understands (always: Console is in the BCL).</summary>
        public bool AnyAvailable => _symbols.Console is not null || _symbols.MelLogger is not null || _symbols.SerilogLogger is not null ||
                                    _symbols.NLogLoggerBase is not null || _symbols.Log4NetLog is not null || _symbols.Debug is not null;

        /// <summary>The values <paramref name="invocation"/> writes to a log, or an empty list when it is not a log call.</summary>
        public List<LoggedValue> LoggedValues(IInvocationOperation invocation)
        {
            var values = new List<LoggedValue>();
            var method = invocation.TargetMethod;
            var kind = Classify(invocation, method);
            if (kind == SinkKind.None)
            {
                return values;
            }

            var structured = kind == SinkKind.Structured;
            var templateIndex = TemplateArgumentIndex(invocation);
            var propertyName = kind == SinkKind.Structured && IsNLogBuilder(method.ContainingType) && method.Name == "Property"
                ? ConstantText(invocation, 0)
                : null;
            var argumentSyntaxes = (invocation.Syntax as InvocationExpressionSyntax)?.ArgumentList.Arguments;
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || IsNotLogged(method, parameter))
                {
                    continue;
                }

                if (TemplateParameterNames.Contains(parameter.Name) && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    // The template or message itself: text.
                    values.Add(new LoggedValue(argument.Value, parameter, structured: false, canMask: true, templateArgumentIndex: -1));
                    continue;
                }

                var canMask = parameter.IsParams || AcceptsString(
                    method.MethodKind == MethodKind.DelegateInvoke ? parameter.Type : parameter.OriginalDefinition.Type);

                // BeginScope(new Dictionary<string, object> { ["ApiKey"] = key }), NLog's Properties(...): each entry is
                // logged as a property named by its key.
                if ((method.Name == "BeginScope" || method.Name == "Properties") && AddEntries(argument.Value, parameter, values))
                {
                    continue;
                }

                foreach (var value in SensitiveValues.Expand(argument))
                {
                    var argumentIndex = argumentSyntaxes is { } list && value.Syntax.Parent is ArgumentSyntax argumentSyntax ? list.IndexOf(argumentSyntax) : -1;
                    var fillsTemplate = templateIndex >= 0 && argumentIndex > templateIndex;
                    var keptAsObject = structured && !(fillsTemplate && IsStringified(invocation, templateIndex, argumentIndex));
                    values.Add(new LoggedValue(value, parameter, keptAsObject, canMask, fillsTemplate ? templateIndex : -1, propertyName));
                }
            }

            return values;
        }

        /// <summary>
        /// Serilog's "{$Name}" (and NLog's) asks for the value's ToString(), never its properties: the object is then
        /// logged as text, not destructured.
        /// </summary>
        private static bool IsStringified(IInvocationOperation invocation, int templateIndex, int argumentIndex)
        {
            if (invocation.Syntax is not InvocationExpressionSyntax syntax || templateIndex < 0 || templateIndex >= syntax.ArgumentList.Arguments.Count ||
                syntax.ArgumentList.Arguments[templateIndex].Expression is not LiteralExpressionSyntax literal)
            {
                return false;
            }

            var text = literal.Token.ValueText;
            var holes = MessageTemplate.HolesForArgument(MessageTemplate.Parse(text), argumentIndex - templateIndex - 1);
            return holes.Count > 0 && holes.TrueForAll(h => h.Length > 2 && text[h.Start + 1] == '$');
        }

        /// <summary>The name to show for the sink in a diagnostic.</summary>
        public static string SinkName(IMethodSymbol method) =>
            method.MethodKind == MethodKind.DelegateInvoke ? "LoggerMessage delegate" :
            method.ContainingType is null ? method.Name : method.ContainingType.Name + "." + method.Name;

        /// <summary>
        /// The entries of a dictionary or key/value list written where it is created: an object or collection
        /// initializer (<c>["ApiKey"] = key</c>, <c>{ "ApiKey", key }</c>), or an array / collection expression of
        /// <c>new KeyValuePair&lt;string, object&gt;("ApiKey", key)</c>. False when the value is not written out here.
        /// </summary>
        private bool AddEntries(IOperation value, IParameterSymbol parameter, List<LoggedValue> values)
        {
            var unwrapped = SensitiveValues.Unwrap(value);
            var elements = unwrapped switch
            {
                IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers,
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                _ => ImmutableArray<IOperation>.Empty,
            };
            if (elements.IsEmpty)
            {
                return false;
            }

            var before = values.Count;
            foreach (var element in elements)
            {
                switch (SensitiveValues.Unwrap(element))
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                        when indexer.Arguments.Length == 1:
                        values.Add(Entry(assignment.Value, parameter, indexer.Arguments[0].Value));
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add:
                        values.Add(Entry(add.Arguments[1].Value, parameter, add.Arguments[0].Value));
                        break;
                    case IObjectCreationOperation { Arguments.Length: 2 } pair when
                        SymbolEqualityComparer.Default.Equals(pair.Type?.OriginalDefinition, _symbols.KeyValuePair):
                        values.Add(Entry(pair.Arguments[1].Value, parameter, pair.Arguments[0].Value));
                        break;
                }
            }

            // BeginScope("Key {Key}", value) passes a params array of plain values: not entries, logged as usual.
            return values.Count > before;
        }

        private static LoggedValue Entry(IOperation value, IParameterSymbol parameter, IOperation key) =>
            new LoggedValue(value, parameter, structured: true, canMask: AcceptsString(value.Type ?? parameter.Type), templateArgumentIndex: -1,
                keyName: key.ConstantValue is { HasValue: true, Value: string name } ? name : null);

        private static string? ConstantText(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
                }
            }

            return null;
        }

        private bool IsNLogBuilder(INamedTypeSymbol? type) =>
            type is not null &&
            (SymbolEqualityComparer.Default.Equals(type, _symbols.NLogLogEventBuilder) || SymbolEqualityComparer.Default.Equals(type, _symbols.NLogFluentLogBuilder));

        /// <summary>
        /// The delegate <c>LoggerMessage.Define</c> returns, <c>Action&lt;ILogger, T1.., Exception?&gt;</c>, or the one
        /// <c>DefineScope</c> returns, <c>Func&lt;ILogger, T1.., IDisposable?&gt;</c>: invoking it logs its values.
        /// </summary>
        private bool IsLoggerMessageDelegate(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.DelegateInvoke || _symbols.MelLoggerMessage is null || method.Parameters.Length < 1 ||
                !TypeHierarchy.IsOrImplements(method.Parameters[0].Type, _symbols.MelLogger))
            {
                return false;
            }

            var last = method.Parameters[method.Parameters.Length - 1].Type;
            return method.ContainingType.Name == "Action"
                ? _symbols.IsException(last)
                : method.ContainingType.Name == "Func" && method.ReturnType.Name == "IDisposable";
        }

        public bool IsLoggerMessageMethod(IMethodSymbol method)
        {
            if (_symbols.LoggerMessageAttribute is null)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.LoggerMessageAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private SinkKind Classify(IInvocationOperation invocation, IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return SinkKind.None;
            }

            if (IsLoggerMessageMethod(method) || IsLoggerMessageDelegate(method))
            {
                return SinkKind.Structured;
            }

            if (NLogBuilderMethods.Contains(method.Name) && IsNLogBuilder(type))
            {
                return SinkKind.Structured;
            }

            var name = method.Name;
            if (MelMethods.Contains(name) &&
                (SymbolEqualityComparer.Default.Equals(type, _symbols.MelLoggerExtensions) || TypeHierarchy.IsOrImplements(type, _symbols.MelLogger)))
            {
                return SinkKind.Structured;
            }

            if ((SerilogMethods.Contains(name) || name == "ForContext") &&
                (SymbolEqualityComparer.Default.Equals(type, _symbols.SerilogLog) || TypeHierarchy.IsOrImplements(type, _symbols.SerilogLogger)))
            {
                return SinkKind.Structured;
            }

            if (NLogMethods.Contains(name) &&
                (TypeHierarchy.IsOrImplements(type, _symbols.NLogLoggerBase) || TypeHierarchy.IsOrImplements(type, _symbols.NLogLogger)))
            {
                return SinkKind.Structured;
            }

            if (Log4NetMethods.Contains(name) && TypeHierarchy.IsOrImplements(type, _symbols.Log4NetLog))
            {
                return SinkKind.Text;
            }

            if (ConsoleMethods.Contains(name) && SymbolEqualityComparer.Default.Equals(type, _symbols.Console))
            {
                return SinkKind.Text;
            }

            if (ConsoleMethods.Contains(name) && TypeHierarchy.IsOrImplements(type, _symbols.TextWriter) && IsConsoleWriter(invocation.Instance))
            {
                return SinkKind.Text;
            }

            if (DiagnosticsMethods.Contains(name) &&
                (SymbolEqualityComparer.Default.Equals(type, _symbols.Debug) || SymbolEqualityComparer.Default.Equals(type, _symbols.Trace)))
            {
                return SinkKind.Text;
            }

            return SinkKind.None;
        }

        /// <summary>Console.Out and Console.Error are the console; any other TextWriter may be a file the user chose.</summary>
        private bool IsConsoleWriter(IOperation? instance) =>
            instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } property &&
            SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.Console);

        /// <summary>Index (in the call's argument list) of a literal template that is followed by the values that fill it.</summary>
        private static int TemplateArgumentIndex(IInvocationOperation invocation)
        {
            if (invocation.Syntax is not InvocationExpressionSyntax syntax)
            {
                return -1;
            }

            var arguments = syntax.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].NameColon is not null)
                {
                    return -1;
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && TemplateParameterNames.Contains(parameter.Name) &&
                    parameter.Type.SpecialType == SpecialType.System_String && argument.Value.ConstantValue is { HasValue: true, Value: string } &&
                    argument.Syntax is ArgumentSyntax templateSyntax)
                {
                    return arguments.IndexOf(templateSyntax);
                }
            }

            return -1;
        }

        private bool IsNotLogged(IMethodSymbol method, IParameterSymbol parameter)
        {
            var type = parameter.Type;
            if (method.IsExtensionMethod && parameter.Ordinal == 0)
            {
                return true;
            }

            if (_symbols.IsException(type) || SymbolEqualityComparer.Default.Equals(type, _symbols.FormatProvider) || type.TypeKind == TypeKind.Delegate)
            {
                return true;
            }

            // Serilog's ForContext(name, value), NLog's Property(name, value): the name is a property name, the value is logged.
            if (parameter.Name == "propertyName" || (parameter.Name == "name" && method.Name == "Property" && IsNLogBuilder(method.ContainingType)))
            {
                return true;
            }

            if (TypeHierarchy.IsOrImplements(type, _symbols.MelLogger) || TypeHierarchy.IsOrImplements(type, _symbols.SerilogLogger))
            {
                return true;
            }

            return false;
        }

        private static bool AcceptsString(ITypeSymbol type) =>
            type.SpecialType is SpecialType.System_String or SpecialType.System_Object || type.TypeKind == TypeKind.TypeParameter;

        private enum SinkKind
        {
            None,
            Text,
            Structured,
        }
    }
}
