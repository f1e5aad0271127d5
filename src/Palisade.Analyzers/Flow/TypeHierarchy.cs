using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>The one "is this type a kind of that type" test every rule family uses.</summary>
    internal static class TypeHierarchy
    {
        /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it (generic types by their definition).</summary>
        public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="type"/> is <paramref name="target"/>, derives from it or implements it.</summary>
        public static bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? target)
        {
            if (type is null || target is null)
            {
                return false;
            }

            if (InheritsFrom(type, target))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
