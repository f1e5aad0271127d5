using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Palisade.Analyzers;
using Palisade.Analyzers.Secrets;
using Palisade.Analyzers.Shared;

namespace Palisade.CodeFixes.Secrets
{
    /// <summary>
    /// Replaces a hard-coded secret (PAL2001, PAL2002, PAL2003) with a run-time lookup:
    /// <c>configuration["DbPassword"]</c> when an <c>IConfiguration</c> is in scope, otherwise
    /// <c>Environment.GetEnvironmentVariable("DB_PASSWORD")</c>; both followed by <c>?? throw</c> so a missing
    /// value fails fast instead of running with null. A <c>const</c> becomes <c>static readonly</c> (a local
    /// <c>const</c> a plain local); when the constant is used where only constants may stand, no fix is offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedSecretCodeFix))]
    public sealed class HardCodedSecretCodeFix : CodeFixProvider
    {
        /// <summary>Equivalence key of "read it from the environment".</summary>
        public const string UseEnvironmentVariableKey = "Palisade.Secrets.UseEnvironmentVariable";

        /// <summary>Equivalence key of "read it from the IConfiguration in scope".</summary>
        public const string UseConfigurationKey = "Palisade.Secrets.UseConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.CredentialInNamedSymbol, DiagnosticIds.KnownSecretFormat, DiagnosticIds.CredentialInConnectionString);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var target = FindTarget(root, model, diagnostic, context.CancellationToken);
                if (target is null)
                {
                    continue;
                }

                if (SystemTypes.Create(context.Document, model.Compilation) is not { } names)
                {
                    continue;
                }

                var configuration = ConfigurationInScope.Find(model, target.Literal, context.CancellationToken);
                if (configuration != null)
                {
                    var key = target.ConfigurationKey;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Read '{key}' from {configuration}",
                            token => ReplaceAsync(context.Document, target, ConfigurationLookup(names, configuration, key), token),
                            UseConfigurationKey),
                        diagnostic);
                }

                var variable = target.EnvironmentVariableName;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Read it from the {variable} environment variable",
                        token => ReplaceAsync(context.Document, target, EnvironmentLookup(names, variable), token),
                        UseEnvironmentVariableKey),
                    diagnostic);
            }
        }

        private static SecretReplacementTarget? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not ExpressionSyntax literal ||
                model.GetTypeInfo(literal, cancellationToken).ConvertedType?.SpecialType != SpecialType.System_String ||
                model.GetConstantValue(literal, cancellationToken).Value is not string)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(SecretDiagnosticProperties.SuggestedName, out var suggested);
            var target = SecretReplacementTarget.Find(literal, model, suggested, cancellationToken);
            if (target?.ConstDeclarator is { } declarator)
            {
                // A const with company in a multi-variable declaration, or used where a constant is required, stays as
                // it is. Listing the fix only looks at this document; the solution-wide search runs when it is applied.
                if (declarator.Parent is VariableDeclarationSyntax { Variables.Count: > 1 } ||
                    model.GetDeclaredSymbol(declarator, cancellationToken) is not { } symbol ||
                    IsUsedAsConstantIn(root, model, symbol, cancellationToken))
                {
                    return null;
                }
            }

            return target;
        }

        /// <summary>The cheap check for the light bulb: references in this document only, bound by name first.</summary>
        private static bool IsUsedAsConstantIn(SyntaxNode root, SemanticModel model, ISymbol symbol, CancellationToken cancellationToken) =>
            root.DescendantNodes()
                .OfType<IdentifierNameSyntax>()
                .Where(n => n.Identifier.ValueText == symbol.Name && ConstantContexts.IsIn(n))
                .Any(n => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, symbol));

        private static async Task<bool> IsUsedAsConstantAsync(Solution solution, ISymbol symbol, CancellationToken cancellationToken)
        {
            var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(r => r.Locations))
            {
                var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var referenceNode = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (referenceNode != null && ConstantContexts.IsIn(referenceNode))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Environment.GetEnvironmentVariable("X") ?? throw new InvalidOperationException("Set the X environment variable.")</c>.</summary>
        private static ExpressionSyntax EnvironmentLookup(SystemTypes types, string variable)
        {
            var g = types.Generator;
            return (ExpressionSyntax)g.CoalesceExpression(
                g.InvocationExpression(g.MemberAccessExpression(types.Environment, "GetEnvironmentVariable"), g.LiteralExpression(variable)),
                g.ThrowExpression(g.ObjectCreationExpression(types.InvalidOperationException, g.LiteralExpression($"Set the {variable} environment variable."))));
        }

        /// <summary><c>configuration["Key"] ?? throw new InvalidOperationException("Configuration value 'Key' is missing.")</c>.</summary>
        private static ExpressionSyntax ConfigurationLookup(SystemTypes types, string configuration, string key)
        {
            var g = types.Generator;
            return (ExpressionSyntax)g.CoalesceExpression(
                g.ElementAccessExpression(g.IdentifierName(configuration), g.LiteralExpression(key)),
                g.ThrowExpression(g.ObjectCreationExpression(types.InvalidOperationException, g.LiteralExpression($"Configuration value '{key}' is missing."))));
        }

        /// <summary>
        /// System.Environment and System.InvalidOperationException as type expressions from their symbols, marked for
        /// the simplifier: written <c>Environment</c> where <c>using System;</c> makes that bind, qualified elsewhere.
        /// </summary>
        private sealed class SystemTypes
        {
            private SystemTypes(SyntaxGenerator generator, SyntaxNode environment, SyntaxNode invalidOperationException)
            {
                Generator = generator;
                Environment = environment;
                InvalidOperationException = invalidOperationException;
            }

            public SyntaxGenerator Generator { get; }

            public SyntaxNode Environment { get; }

            public SyntaxNode InvalidOperationException { get; }

            public static SystemTypes? Create(Document document, Compilation compilation)
            {
                var generator = SyntaxGenerator.GetGenerator(document);
                var environment = TypeLookup.Find(compilation, "System.Environment");
                var invalidOperation = TypeLookup.Find(compilation, "System.InvalidOperationException");
                return environment is null || invalidOperation is null
                    ? null
                    : new SystemTypes(
                        generator,
                        generator.TypeExpression(environment).WithAdditionalAnnotations(Simplifier.Annotation),
                        generator.TypeExpression(invalidOperation).WithAdditionalAnnotations(Simplifier.Annotation));
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, SecretReplacementTarget target, ExpressionSyntax replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // The solution-wide search for constant uses of a const runs here, once, when the fix is applied.
            if (target.ConstDeclarator is { } declarator &&
                await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model &&
                model.GetDeclaredSymbol(declarator, cancellationToken) is { } symbol &&
                await IsUsedAsConstantAsync(document.Project.Solution, symbol, cancellationToken).ConfigureAwait(false))
            {
                return document;
            }

            var annotated = replacement.WithTriviaFrom(target.Literal).WithAdditionalAnnotations(Formatter.Annotation);
            SyntaxNode newRoot;
            if (target.ConstDeclarator?.Parent?.Parent is { } declaration)
            {
                var rewritten = declaration.ReplaceNode(target.Literal, annotated);
                newRoot = root.ReplaceNode(declaration, WithoutConst(rewritten));
            }
            else
            {
                newRoot = root.ReplaceNode(target.Literal, annotated);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary><c>private const string X</c> becomes <c>private static readonly string X</c>; a local <c>const</c> loses the keyword.</summary>
        private static SyntaxNode WithoutConst(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field:
                    var constKeyword = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    var index = field.Modifiers.IndexOf(constKeyword);
                    var modifiers = field.Modifiers.RemoveAt(index)
                        .Insert(index, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                        .Insert(index, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constKeyword.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space));
                    return field.WithModifiers(modifiers);
                case LocalDeclarationStatementSyntax local:
                    var keyword = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    return local.WithModifiers(local.Modifiers.Remove(keyword)).WithLeadingTrivia(local.GetLeadingTrivia());
                default:
                    return declaration;
            }
        }
    }
}
