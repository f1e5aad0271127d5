using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.CodeFixes.Secrets
{
    /// <summary>
    /// Where a flagged literal sits and what it should be called once it is read at run time: the variable,
    /// field, property, parameter or header it feeds. Null when the literal is only part of a value
    /// (concatenation, ?:, interpolation) or sits where only a constant may stand (attribute, case label,
    /// default parameter value): a fix there would not compile or would change more than the secret.
    /// </summary>
    internal sealed class SecretReplacementTarget
    {
        private static readonly string[] NameValueMethods =
        {
            "Add", "TryAdd", "TryAddWithoutValidation", "Append", "Set", "SetValue", "AddOrUpdate", "SetEnvironmentVariable",
            "AddHeader", "SetHeader", "AddParameter", "AddQueryParameter", "AddOrReplace",
        };

        private SecretReplacementTarget(ExpressionSyntax literal, string name, VariableDeclaratorSyntax? constDeclarator)
        {
            Literal = literal;
            Name = name;
            ConstDeclarator = constDeclarator;
        }

        public ExpressionSyntax Literal { get; }

        /// <summary>The name the value is known by in code ("dbPassword", "Authorization").</summary>
        public string Name { get; }

        /// <summary>The declarator of a <c>const</c> whose value this is; the fix has to drop <c>const</c>.</summary>
        public VariableDeclaratorSyntax? ConstDeclarator { get; }

        /// <summary>SCREAMING_SNAKE_CASE of the name, without a leading "get": "dbPassword" -> "DB_PASSWORD".</summary>
        public string EnvironmentVariableName => string.Join("_", Words().Select(w => w.ToUpperInvariant()));

        /// <summary>PascalCase of the name: "DB_PASSWORD" -> "DbPassword".</summary>
        public string ConfigurationKey => string.Concat(Words().Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

        private IEnumerable<string> Words()
        {
            var words = NameWords.Split(Name);
            if (words.Count > 1 && words[0] == "get")
            {
                words.RemoveAt(0);
            }

            return words;
        }

        public static SecretReplacementTarget? Find(ExpressionSyntax literal, SemanticModel model, string? suggestedName, CancellationToken cancellationToken)
        {
            if (literal.Ancestors().Any(a => a is AttributeArgumentSyntax || a is InterpolatedStringExpressionSyntax))
            {
                return null;
            }

            // GetBytes("...") and FromBase64String("...") are transparent: the name comes from where their result goes.
            ExpressionSyntax value = literal;
            while (value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } &&
                   MethodName(invocation) is "GetBytes" or "FromBase64String")
            {
                value = invocation;
            }

            while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized;
            }

            string? name = null;
            VariableDeclaratorSyntax? constDeclarator = null;
            switch (value.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    name = declarator.Identifier.ValueText;
                    if (IsConst(declarator))
                    {
                        constDeclarator = declarator;
                    }

                    break;
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    name = property.Identifier.ValueText;
                    break;
                case AssignmentExpressionSyntax assignment when assignment.Right == value && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    name = AssignedName(assignment.Left, model, cancellationToken);
                    break;
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                    name = nameEquals.Name.Identifier.ValueText;
                    break;
                case ArgumentSyntax argument:
                    name = ArgumentName(argument, model, suggestedName, cancellationToken);
                    break;
                case ArrowExpressionClauseSyntax arrow:
                    name = MemberName(arrow.Parent);
                    break;
                case ReturnStatementSyntax returnStatement:
                    name = MemberName(returnStatement.Ancestors().FirstOrDefault(a =>
                        a is AnonymousFunctionExpressionSyntax || a is LocalFunctionStatementSyntax || a is BaseMethodDeclarationSyntax || a is AccessorDeclarationSyntax));
                    break;
            }

            if (string.IsNullOrEmpty(name) || NameWords.Split(name!).Count == 0)
            {
                return null;
            }

            return new SecretReplacementTarget(literal, name!, constDeclarator);
        }

        private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };

        private static bool IsConst(VariableDeclaratorSyntax declarator) => declarator.Parent?.Parent switch
        {
            FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            LocalDeclarationStatementSyntax local => local.IsConst,
            _ => false,
        };

        private static string? AssignedName(ExpressionSyntax left, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (left)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText;
                case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1:
                    return model.GetConstantValue(element.ArgumentList.Arguments[0].Expression, cancellationToken).Value as string;
                case ImplicitElementAccessSyntax implicitElement when implicitElement.ArgumentList.Arguments.Count == 1:
                    return model.GetConstantValue(implicitElement.ArgumentList.Arguments[0].Expression, cancellationToken).Value as string;
                default:
                    return null;
            }
        }

        private static string? ArgumentName(ArgumentSyntax argument, SemanticModel model, string? suggestedName, CancellationToken cancellationToken)
        {
            if (model.GetOperation(argument, cancellationToken) is not IArgumentOperation operation || operation.Parameter is null)
            {
                return null;
            }

            // headers.Add("Authorization", "..."), dictionary.Add("password", "..."): the first argument names the value.
            if (operation.Parent is IInvocationOperation invocation && operation.Parameter.Ordinal == 1 &&
                Array.IndexOf(NameValueMethods, invocation.TargetMethod.Name) >= 0 &&
                invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is { HasValue: true, Value: string key })
            {
                return key;
            }

            if (operation.Parent is IObjectCreationOperation creation && creation.Type?.Name == "AuthenticationHeaderValue" &&
                creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is { HasValue: true, Value: string scheme })
            {
                return scheme + " token";
            }

            if (operation.Parent is IObjectCreationOperation keyed && operation.Parameter.Name == "key" && keyed.Type != null)
            {
                return keyed.Type.Name + " key";
            }

            var parameterName = operation.Parameter.Name;
            var named = SecretNames.Default.IsSecretName(parameterName, out _) ? parameterName : suggestedName ?? parameterName;
            return WithHolder(HolderName(operation.Parent?.Syntax, model, cancellationToken), named);
        }

        /// <summary>
        /// "Shipping" + "apiKey" -> "Shipping apiKey" (SHIPPING_API_KEY): the field, property or variable that keeps
        /// the object tells which secret this is; the parameter alone ("password") does not. A holder whose name
        /// already ends with the parameter's words is the whole name.
        /// </summary>
        private static string WithHolder(string? holder, string name)
        {
            if (string.IsNullOrEmpty(holder))
            {
                return name;
            }

            var holderWords = NameWords.Split(holder!);
            var nameWords = NameWords.Split(name);
            if (holderWords.Count == 0)
            {
                return name;
            }

            var endsWithName = nameWords.Count > 0 && holderWords.Count >= nameWords.Count &&
                               holderWords.Skip(holderWords.Count - nameWords.Count).SequenceEqual(nameWords);
            return endsWithName ? holder! : holder + " " + name;
        }

        /// <summary>The field, property or local that receives the object built by <paramref name="call"/>; not a method.</summary>
        private static string? HolderName(SyntaxNode? call, SemanticModel model, CancellationToken cancellationToken)
        {
            var value = call;
            while (value?.Parent is ParenthesizedExpressionSyntax)
            {
                value = value.Parent;
            }

            return value?.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
                AssignmentExpressionSyntax assignment when assignment.Right == value && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) =>
                    AssignedName(assignment.Left, model, cancellationToken),
                _ => null,
            };
        }

        private static string? MemberName(SyntaxNode? member) => member switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            IndexerDeclarationSyntax => null,
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            LocalFunctionStatementSyntax local => local.Identifier.ValueText,
            AccessorDeclarationSyntax { Parent: AccessorListSyntax { Parent: PropertyDeclarationSyntax property } } => property.Identifier.ValueText,
            _ => null,
        };
    }
}
