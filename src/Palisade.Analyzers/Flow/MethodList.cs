using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// A configured list of methods, each written as a documentation ID (<c>M:MyCo.Db.Run(System.String)</c>, one
    /// overload) or as a dotted name without parameters (<c>MyCo.Db.Run</c>, every overload). A method also matches when
    /// it overrides a listed one or implements a listed interface method, so listing <c>System.Data.Common.DbCommandBuilder.QuoteIdentifier</c>
    /// covers every provider's command builder.
    /// </summary>
    internal sealed class MethodList
    {
        public static readonly MethodList Empty = new MethodList(ImmutableHashSet<string>.Empty, ImmutableHashSet<ISymbol>.Empty);

        /// <summary>"Namespace.Outer.Inner" with no generic arguments and no keywords for special types.</summary>
        private static readonly SymbolDisplayFormat TypeNameFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.None);

        private readonly ImmutableHashSet<string> _names;
        private readonly ImmutableHashSet<ISymbol> _exact;

        private MethodList(ImmutableHashSet<string> names, ImmutableHashSet<ISymbol> exact)
        {
            _names = names;
            _exact = exact;
        }

        public bool IsEmpty => _names.IsEmpty && _exact.IsEmpty;

        public static MethodList Parse(Compilation compilation, IEnumerable<string> entries)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var exact = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var raw in entries)
            {
                var entry = raw.Trim();
                if (entry.StartsWith("M:", StringComparison.Ordinal))
                {
                    if (entry.IndexOf('(') < 0)
                    {
                        var name = entry.Substring(2);
                        names.Add(name.EndsWith(".#ctor", StringComparison.Ordinal) ? name.Substring(0, name.Length - "#ctor".Length) + ".ctor" : name);
                        continue;
                    }

                    foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(entry, compilation))
                    {
                        exact.Add(symbol.OriginalDefinition);
                    }
                }
                else if (entry.Length > 0)
                {
                    // "new MyCo.Data.Query" names the type's constructors ("MyCo.Data.Query.#ctor" too, but '#' starts a
                    // comment in .editorconfig files).
                    if (entry.StartsWith("new ", StringComparison.Ordinal))
                    {
                        names.Add(entry.Substring(4).Trim() + "..ctor");
                    }
                    else
                    {
                        names.Add(entry.EndsWith(".#ctor", StringComparison.Ordinal) ? entry.Substring(0, entry.Length - "#ctor".Length) + ".ctor" : entry);
                    }
                }
            }

            return new MethodList(names.ToImmutable(), exact.ToImmutable());
        }

        public bool Contains(IMethodSymbol? method)
        {
            if (method is null || IsEmpty)
            {
                return false;
            }

            var depth = 0;
            for (var current = method.OriginalDefinition; current is not null && depth < 8; current = current.OverriddenMethod?.OriginalDefinition, depth++)
            {
                if (Matches(current) || ImplementsListed(current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A class method that implements a listed interface method (implicitly or explicitly).</summary>
        private bool ImplementsListed(IMethodSymbol method)
        {
            foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
            {
                if (Matches(explicitImplementation.OriginalDefinition))
                {
                    return true;
                }
            }

            var type = method.ContainingType;
            if (type is null || type.TypeKind == TypeKind.Interface || method.IsStatic)
            {
                return false;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod &&
                        Matches(interfaceMethod.OriginalDefinition) &&
                        SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool Matches(IMethodSymbol method)
        {
            if (_exact.Contains(method))
            {
                return true;
            }

            if (_names.IsEmpty)
            {
                return false;
            }

            var typeName = method.ContainingType?.ToDisplayString(TypeNameFormat);
            return typeName is not null && _names.Contains(typeName + "." + method.Name);
        }
    }
}
