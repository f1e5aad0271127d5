using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Palisade.Analyzers.Shared;

namespace Palisade.CodeFixes.Secrets
{
    /// <summary>
    /// Finds an <c>IConfiguration</c> (or anything implementing it) that code at a position may read: a parameter,
    /// a local declared before it, a static member, or an instance member when the code runs on an instance
    /// (not in a static member, not in a field or property initializer, where <c>this</c> is not available).
    /// </summary>
    internal static class ConfigurationInScope
    {
        public const string ConfigurationTypeName = "Microsoft.Extensions.Configuration.IConfiguration";

        public static string? Find(SemanticModel model, ExpressionSyntax at, CancellationToken cancellationToken)
        {
            var configuration = TypeLookup.Find(model.Compilation, ConfigurationTypeName);
            if (configuration is null)
            {
                return null;
            }

            var position = at.SpanStart;
            var instanceAvailable = InstanceAvailable(model.GetEnclosingSymbol(position, cancellationToken));
            var candidates = model.LookupSymbols(position)
                .Where(symbol => IsConfiguration(TypeOf(symbol), configuration) && Usable(symbol, position, instanceAvailable))
                .OrderBy(symbol => symbol is IParameterSymbol || symbol is ILocalSymbol ? 0 : 1)
                .ThenBy(symbol => symbol.Name, System.StringComparer.Ordinal);
            return candidates.FirstOrDefault()?.Name;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property when !property.IsIndexer && property.GetMethod != null => property.Type,
            _ => null,
        };

        private static bool IsConfiguration(ITypeSymbol? type, INamedTypeSymbol configuration) =>
            type != null && (SymbolEqualityComparer.Default.Equals(type, configuration) ||
                             type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, configuration)));

        private static bool Usable(ISymbol symbol, int position, bool instanceAvailable)
        {
            switch (symbol)
            {
                case ILocalSymbol local:
                    return local.DeclaringSyntaxReferences.All(r => r.Span.End <= position);
                case IParameterSymbol:
                    return true;
                default:
                    return symbol.IsStatic || instanceAvailable;
            }
        }

        private static bool InstanceAvailable(ISymbol? enclosing)
        {
            // Inside lambdas and local functions, the member that contains them decides.
            while (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
            {
                if (nested.IsStatic)
                {
                    return false;
                }

                enclosing = nested.ContainingSymbol;
            }

            return enclosing is IMethodSymbol method && !method.IsStatic;
        }
    }
}
