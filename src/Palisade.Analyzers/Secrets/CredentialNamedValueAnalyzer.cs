using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// PAL2001: a constant string flows into something whose name says it holds a secret: a local, field,
    /// constant, property (object initializers too), indexer key ("password"), named or positional parameter,
    /// return value of a secret-named member, a comparison with a secret-named value, and the credential
    /// parameters of known APIs (AuthenticationHeaderValue, Authorization headers, HMAC / symmetric keys).
    /// Values that are labels, placeholders, key names, regexes, paths or known token formats stay quiet
    /// (<see cref="SecretValues"/>; PAL2002 and PAL2003 report the formats and connection strings).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CredentialNamedValueAnalyzer : PalisadeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CredentialInNamedSymbol);

        /// <summary>It reports in many files of literal-heavy code; see <see cref="PalisadeAnalyzer.SkipsGeneratedCodeItself"/>.</summary>
        protected override bool SkipsGeneratedCodeItself => true;

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var scan = new Scan(
                SecretScanSettings.Create(context.Compilation, context.Options),
                TypeLookup.Find(context.Compilation, "System.Net.Http.Headers.AuthenticationHeaderValue"),
                TypeLookup.Find(context.Compilation, "System.Security.Cryptography.SymmetricAlgorithm"),
                TypeLookup.Find(context.Compilation, "System.Security.Cryptography.KeyedHashAlgorithm"),
                TypeLookup.Find(context.Compilation, "System.Security.SecureString"));

            context.RegisterOperationAction(scan.VariableDeclarator, OperationKind.VariableDeclarator);
            context.RegisterOperationAction(scan.FieldInitializer, OperationKind.FieldInitializer);
            context.RegisterOperationAction(scan.PropertyInitializer, OperationKind.PropertyInitializer);
            context.RegisterOperationAction(scan.ParameterInitializer, OperationKind.ParameterInitializer);
            context.RegisterOperationAction(scan.Assignment, OperationKind.SimpleAssignment);
            context.RegisterOperationAction(scan.Invocation, OperationKind.Invocation);
            context.RegisterOperationAction(scan.ObjectCreation, OperationKind.ObjectCreation);
            context.RegisterOperationAction(scan.Return, OperationKind.Return);
            context.RegisterOperationAction(scan.Equality, OperationKind.Binary);
        }

        private sealed class Scan
        {
            private const int MinimumKeyBytes = 8;

            /// <summary>Methods taking (name, value): headers, dictionaries, environment variables.</summary>
            private static readonly ImmutableHashSet<string> NameValueMethods = ImmutableHashSet.Create(
                StringComparer.Ordinal, "Add", "TryAdd", "TryAddWithoutValidation", "Append", "Set", "SetValue", "AddOrUpdate",
                "SetEnvironmentVariable", "AddHeader", "SetHeader", "AddParameter", "AddQueryParameter", "AddOrReplace");

            private readonly SecretScanSettings _settings;
            private readonly INamedTypeSymbol? _authenticationHeaderValue;
            private readonly INamedTypeSymbol? _symmetricAlgorithm;
            private readonly INamedTypeSymbol? _keyedHashAlgorithm;
            private readonly INamedTypeSymbol? _secureString;

            /// <summary>
            /// Literals reported where a local or field that holds them is used: a field used by two calls must give
            /// one diagnostic, not two at the same place.
            /// </summary>
            private readonly ConcurrentDictionary<Location, bool> _reportedThroughHolder = new ConcurrentDictionary<Location, bool>();

            public Scan(
                SecretScanSettings settings,
                INamedTypeSymbol? authenticationHeaderValue,
                INamedTypeSymbol? symmetricAlgorithm,
                INamedTypeSymbol? keyedHashAlgorithm,
                INamedTypeSymbol? secureString)
            {
                _settings = settings;
                _authenticationHeaderValue = authenticationHeaderValue;
                _symmetricAlgorithm = symmetricAlgorithm;
                _keyedHashAlgorithm = keyedHashAlgorithm;
                _secureString = secureString;
            }

            public void VariableDeclarator(OperationAnalysisContext context)
            {
                var declarator = (IVariableDeclaratorOperation)context.Operation;
                var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                Check(context, declarator.Symbol.Name, initializer?.Value);
            }

            public void FieldInitializer(OperationAnalysisContext context)
            {
                var initializer = (IFieldInitializerOperation)context.Operation;
                if (!initializer.InitializedFields.IsEmpty)
                {
                    Check(context, initializer.InitializedFields[0].Name, initializer.Value);
                }
            }

            public void PropertyInitializer(OperationAnalysisContext context)
            {
                var initializer = (IPropertyInitializerOperation)context.Operation;
                if (!initializer.InitializedProperties.IsEmpty)
                {
                    Check(context, initializer.InitializedProperties[0].Name, initializer.Value);
                }
            }

            public void ParameterInitializer(OperationAnalysisContext context)
            {
                var initializer = (IParameterInitializerOperation)context.Operation;
                Check(context, initializer.Parameter.Name, initializer.Value);
            }

            public void Assignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                switch (assignment.Target)
                {
                    case ILocalReferenceOperation local:
                        Check(context, local.Local.Name, assignment.Value);
                        break;
                    case IFieldReferenceOperation field:
                        Check(context, field.Field.Name, assignment.Value);
                        break;
                    case IParameterReferenceOperation parameter:
                        Check(context, parameter.Parameter.Name, assignment.Value);
                        break;
                    case IPropertyReferenceOperation property when property.Property.IsIndexer:
                        // dictionary["password"] = "...", headers["Authorization"] = "Bearer ...": the key is the name.
                        if (property.Arguments.Length == 1 && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key })
                        {
                            CheckNamed(context, key, assignment.Value);
                        }

                        break;
                    case IPropertyReferenceOperation property:
                        if (IsSymmetricKeyProperty(property.Property))
                        {
                            Check(context, property.Property.Name, assignment.Value, nameIsSecret: true);
                            CheckConstantBytes(context, property.Property.ContainingType.Name + "." + property.Property.Name, assignment.Value);
                        }
                        else
                        {
                            Check(context, property.Property.Name, assignment.Value);
                        }

                        break;
                }
            }

            /// <summary>
            /// The arguments of a call or creation, checked from the call's own action rather than an action per
            /// argument: literal-dense code passes tens of thousands of arguments, and almost none to a parameter
            /// whose name says secret. Other argument lists (indexers, attributes) take no credentials here.
            /// </summary>
            private void CheckArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments)
            {
                foreach (var argument in arguments)
                {
                    CheckArgument(context, argument);
                }
            }

            private void CheckArgument(OperationAnalysisContext context, IArgumentOperation argument)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null)
                {
                    return;
                }

                // Every argument of the compilation comes here. Both checks below need a parameter whose name says
                // secret (or, for a constant, ends in "key"): ask that first, before looking at the call's type.
                var parameterName = argument.Parameter.Name;
                if (!_settings.NamesFor(TreeOf(context)).IsSecretName(parameterName, out _) && !EndsWithKeyWord(parameterName))
                {
                    return;
                }

                if (argument.Parent is IObjectCreationOperation creation && (IsKeyedAlgorithm(creation.Type) || IsAnonymousLogin(creation)))
                {
                    return;
                }

                if (ConstantValues.Any(argument.Value))
                {
                    Check(context, parameterName, argument.Value);
                }
                else
                {
                    CheckHeldConstant(context, parameterName, argument.Value);
                }
            }

            public void Invocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                var arguments = invocation.Arguments;
                CheckArguments(context, arguments);
                if (arguments.Length >= 2 && NameValueMethods.Contains(method.Name) &&
                    ValueOf(arguments, 0)?.ConstantValue is { HasValue: true, Value: string name })
                {
                    CheckNamed(context, name, ValueOf(arguments, 1));
                    return;
                }

                if (method.Name == "AppendChar" && _secureString != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _secureString))
                {
                    CheckSecureStringCharacters(context, invocation);
                    return;
                }

                if (method.Name == "Equals")
                {
                    // password.Equals("...") and string.Equals(password, "...").
                    if (invocation.Instance != null && arguments.Length >= 1)
                    {
                        CheckComparison(context, invocation.Instance, ValueOf(arguments, 0));
                    }
                    else if (arguments.Length >= 2)
                    {
                        CheckComparison(context, ValueOf(arguments, 0), ValueOf(arguments, 1));
                    }
                }
            }

            public void ObjectCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                var type = creation.Type as INamedTypeSymbol;
                var arguments = creation.Arguments;
                CheckArguments(context, arguments);
                if (type is null || arguments.IsEmpty)
                {
                    return;
                }

                if (IsKeyedAlgorithm(type))
                {
                    // new HMACSHA256(Encoding.UTF8.GetBytes("...")), new SymmetricSecurityKey(...): the key argument is the secret.
                    foreach (var argument in arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == "key")
                        {
                            Check(context, type.Name + " key", argument.Value, nameIsSecret: true);
                            CheckConstantBytes(context, type.Name + " key", argument.Value);
                        }
                    }

                    return;
                }

                if (_authenticationHeaderValue != null && SymbolEqualityComparer.Default.Equals(type, _authenticationHeaderValue) &&
                    ValueOf(arguments, 0)?.ConstantValue is { HasValue: true, Value: string scheme })
                {
                    // new AuthenticationHeaderValue("Bearer", "...") : the second argument is the credential itself.
                    Check(context, scheme + " credential", ValueOf(arguments, 1), nameIsSecret: true);
                    return;
                }

                if (type.Name == "KeyValuePair" && ValueOf(arguments, 0)?.ConstantValue is { HasValue: true, Value: string key })
                {
                    CheckNamed(context, key, ValueOf(arguments, 1));
                }
            }

            public void Return(OperationAnalysisContext context)
            {
                var operation = (IReturnOperation)context.Operation;
                // Most returned values are not constant strings, and the value is at hand while the member's name is
                // not: ask about the value first here.
                if (operation.ReturnedValue is null || operation.Kind != OperationKind.Return || !ConstantValues.Any(operation.ReturnedValue))
                {
                    return;
                }

                for (var parent = operation.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation)
                    {
                        return;
                    }

                    if (parent is ILocalFunctionOperation localFunction)
                    {
                        Check(context, localFunction.Symbol.Name, operation.ReturnedValue);
                        return;
                    }
                }

                if (context.ContainingSymbol is IMethodSymbol method)
                {
                    var name = method.AssociatedSymbol is IPropertySymbol property ? property.Name : method.Name;
                    Check(context, name, operation.ReturnedValue);
                }
            }

            public void Equality(OperationAnalysisContext context)
            {
                var binary = (IBinaryOperation)context.Operation;
                if (binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals)
                {
                    CheckComparison(context, binary.LeftOperand, binary.RightOperand);
                }
            }

            /// <summary>A name that is a header or key: "Authorization" holds a credential after its scheme word.</summary>
            private void CheckNamed(OperationAnalysisContext context, string name, IOperation? value)
            {
                if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    Check(context, name + " header", value, nameIsSecret: true, valueAfterScheme: true);
                }
                else
                {
                    Check(context, name, value);
                }
            }

            /// <summary>"if (password == "letmein")": the literal is a hard-coded credential the code accepts.</summary>
            private void CheckComparison(OperationAnalysisContext context, IOperation? left, IOperation? right)
            {
                var leftName = ReferencedName(left);
                var rightName = ReferencedName(right);
                if (leftName != null && right?.ConstantValue.HasValue == true)
                {
                    Check(context, leftName, right);
                }
                else if (rightName != null && left?.ConstantValue.HasValue == true)
                {
                    Check(context, rightName, left);
                }
            }

            private void Check(OperationAnalysisContext context, string name, IOperation? value, bool nameIsSecret = false, bool valueAfterScheme = false)
            {
                // The name first, without allocating: this runs for nearly every declaration, assignment and
                // return in the compilation, and nearly no name is a secret's. Asking whether the value is a
                // constant string costs more than the name on literal-dense code, where nearly every value is one.
                if (value is null)
                {
                    return;
                }

                var tree = TreeOf(context);
                var names = _settings.NamesFor(tree);
                var requireRandomValue = false;
                var term = string.Empty;
                if (!nameIsSecret)
                {
                    if (names.IsSecretName(name, out term))
                    {
                        // The text of a connection string is PAL2003's business; its name alone proves nothing.
                        if (term == "connection string")
                        {
                            return;
                        }
                    }
                    else if (EndsWithKeyWord(name))
                    {
                        // "Jwt:Key", "HmacKey", "Key": only a value that looks generated counts.
                        requireRandomValue = true;
                    }
                    else
                    {
                        return;
                    }
                }

                if (!ConstantValues.Any(value) || !_settings.ScansNameBasedRules(tree))
                {
                    return;
                }

                var placeholders = _settings.PlaceholdersFor(tree);
                foreach (var constant in ConstantValues.In(value))
                {
                    var text = (string)constant.ConstantValue.Value!;
                    if (valueAfterScheme)
                    {
                        var space = text.IndexOf(' ');
                        text = space >= 0 ? text.Substring(space + 1).Trim() : text;
                    }

                    if (!IsCredentialText(name, term, text, names, placeholders) || (requireRandomValue && !Entropy.LooksRandom(text)))
                    {
                        continue;
                    }

                    Report(context, Diagnostic.Create(Descriptors.CredentialInNamedSymbol, constant.Syntax.GetLocation(), name, SecretMask.Mask(text)));
                }
            }

            private static bool IsCredentialText(string name, string term, string text, SecretNames names, ImmutableHashSet<string> placeholders) =>
                !SecretValues.IsNotACredential(text, names, placeholders) && !SecretFormats.TryFind(text, out _) &&
                !CredentialLookAlikes.IsLookAlike(name, term, text.Trim());

            /// <summary>
            /// <c>aes.Key = new byte[] { 0x2B, 0x7E, ... }</c>: a key written out as constant bytes. Eight bytes or more
            /// (the shortest DES key); the diagnostic shows the byte count only.
            /// </summary>
            private void CheckConstantBytes(OperationAnalysisContext context, string name, IOperation? value)
            {
                if (ConstantValues.Unwrap(value) is not IArrayCreationOperation { Initializer: { } initializer } array ||
                    initializer.ElementValues.Length < MinimumKeyBytes ||
                    !_settings.ScansNameBasedRules(array.Syntax.SyntaxTree))
                {
                    return;
                }

                foreach (var element in initializer.ElementValues)
                {
                    if (!element.ConstantValue.HasValue)
                    {
                        return;
                    }
                }

                var length = initializer.ElementValues.Length + " bytes";
                Report(context, Diagnostic.Create(Descriptors.CredentialInNamedSymbol, array.Syntax.GetLocation(), name, "\u2026(" + length + ")"));
            }

            /// <summary>
            /// <c>var pw = "..."; new NetworkCredential("svc", pw)</c>: a literal that reaches a credential parameter
            /// through a local or a readonly/const field whose own name gives nothing away (a secret-named holder is
            /// already reported where it is declared). The literal is reported once, where it is written.
            /// </summary>
            private void CheckHeldConstant(OperationAnalysisContext context, string parameterName, IOperation value)
            {
                // Cheapest tests first: this runs for every argument that is not a constant string.
                var unwrapped = ConstantValues.Unwrap(value);
                if (unwrapped is not ILocalReferenceOperation && unwrapped is not IFieldReferenceOperation)
                {
                    return;
                }

                var tree = value.Syntax.SyntaxTree;
                var names = _settings.NamesFor(tree);
                if (!names.IsSecretName(parameterName, out var term) || term == "connection string" || !_settings.ScansNameBasedRules(tree) ||
                    HeldLiterals.Find(value, context.CancellationToken, out var holder) is not { } literal || holder is null ||
                    names.IsSecretName(holder.Name, out _))
                {
                    return;
                }

                var text = (string)literal.Token.Value!;
                var location = literal.GetLocation();
                if (IsCredentialText(parameterName, term, text, _settings.NamesFor(literal.SyntaxTree), _settings.PlaceholdersFor(literal.SyntaxTree)) &&
                    _reportedThroughHolder.TryAdd(location, true))
                {
                    Report(context, Diagnostic.Create(Descriptors.CredentialInNamedSymbol, location, holder.Name, SecretMask.Mask(text)), holder);
                }
            }

            /// <summary>
            /// A password typed into a SecureString one character at a time: <c>s.AppendChar('p'); s.AppendChar('w'); ...</c>
            /// (reported once, on the run of calls, from four characters on) or <c>foreach (var c in "...") s.AppendChar(c);</c>.
            /// </summary>
            private void CheckSecureStringCharacters(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                if (invocation.Arguments.Length != 1)
                {
                    return;
                }

                var argument = ConstantValues.Unwrap(invocation.Arguments[0].Value);
                if (argument is ILocalReferenceOperation local)
                {
                    Check(context, "SecureString", SecureStringRuns.LoopedText(invocation, local.Local), nameIsSecret: true);
                    return;
                }

                if (argument?.ConstantValue.Value is char && _settings.ScansNameBasedRules(invocation.Syntax.SyntaxTree) &&
                    SecureStringRuns.TryGetRun(invocation, out var span, out var count) && count >= SecretValues.MinimumLength)
                {
                    Report(context, Diagnostic.Create(
                        Descriptors.CredentialInNamedSymbol, Location.Create(invocation.Syntax.SyntaxTree, span), "SecureString", "\u2026(" + count + " chars)"));
                }
            }

            /// <summary>
            /// <c>new NetworkCredential("anonymous", "anonymous")</c> or with an e-mail address: the anonymous FTP
            /// login, whose "password" is by convention public.
            /// </summary>
            private static bool IsAnonymousLogin(IObjectCreationOperation creation) =>
                creation.Type?.Name == "NetworkCredential" &&
                ValueOf(creation.Arguments, 0)?.ConstantValue is { HasValue: true, Value: string user } &&
                (string.Equals(user, "anonymous", StringComparison.OrdinalIgnoreCase) || string.Equals(user, "ftp", StringComparison.OrdinalIgnoreCase));

            private bool IsKeyedAlgorithm(ITypeSymbol? type) =>
                type is INamedTypeSymbol named && (named.Name == "SymmetricSecurityKey" || TypeHierarchy.InheritsFrom(named, _keyedHashAlgorithm));

            private bool IsSymmetricKeyProperty(IPropertySymbol property) =>
                property.Name == "Key" && (TypeHierarchy.InheritsFrom(property.ContainingType, _symmetricAlgorithm) || TypeHierarchy.InheritsFrom(property.ContainingType, _keyedHashAlgorithm));

            /// <summary>
            /// "JwtKey", "hmac_key": a qualified key. A bare "key" (dictionary and cache keys, the key parameter of
            /// every lookup API) says nothing; the crypto APIs whose "key" is a secret are recognised by type instead.
            /// </summary>
            private static bool EndsWithKeyWord(string name)
            {
                // Its last word can only be "key" when its last three letters or digits spell it: skip the split otherwise.
                if (!LastLettersAreKey(name))
                {
                    return false;
                }

                var words = NameWords.Split(name);
                return words.Count > 1 && words[words.Count - 1] == "key";
            }

            private static bool LastLettersAreKey(string name)
            {
                var end = name.Length - 1;
                while (end >= 0 && !char.IsLetterOrDigit(name[end]))
                {
                    end--;
                }

                return end >= 2 &&
                       char.ToLowerInvariant(name[end - 2]) == 'k' && char.ToLowerInvariant(name[end - 1]) == 'e' && char.ToLowerInvariant(name[end]) == 'y';
            }

            /// <summary>
            /// Reports unless the literal sits in generated code: a generated file, or a member of a
            /// <c>[GeneratedCode]</c> type (of the analyzed member, or of the <paramref name="holder"/> declared elsewhere).
            /// </summary>
            private void Report(OperationAnalysisContext context, Diagnostic diagnostic, ISymbol? holder = null)
            {
                var tree = diagnostic.Location.SourceTree;
                if ((tree != null && _settings.IsGenerated(tree)) ||
                    GeneratedCode.IsInGeneratedSymbol(context.ContainingSymbol) || GeneratedCode.IsInGeneratedSymbol(holder))
                {
                    return;
                }

                context.ReportDiagnostic(diagnostic);
            }

            private static SyntaxTree TreeOf(OperationAnalysisContext context) => OperationTree.Of(context.Operation);

            private static IOperation? ValueOf(ImmutableArray<IArgumentOperation> arguments, int parameterOrdinal)
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Ordinal == parameterOrdinal)
                    {
                        return argument.ArgumentKind == ArgumentKind.Explicit ? argument.Value : null;
                    }
                }

                return null;
            }

            private static string? ReferencedName(IOperation? operation)
            {
                operation = ConstantValues.Unwrap(operation);
                switch (operation)
                {
                    // GetAuthToken().Equals("..."), ReadPassword() == "...": the method's name says what it returns.
                    case IInvocationOperation invocation when invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_String:
                        return invocation.TargetMethod.Name;
                    case ILocalReferenceOperation local: return local.Local.Name;
                    case IFieldReferenceOperation field when !field.Field.IsConst: return field.Field.Name;
                    case IPropertyReferenceOperation property when !property.Property.IsIndexer: return property.Property.Name;
                    case IParameterReferenceOperation parameter: return parameter.Parameter.Name;
                    default: return null;
                }
            }
        }
    }
}
