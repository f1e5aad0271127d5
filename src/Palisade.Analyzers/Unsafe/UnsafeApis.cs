using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Unsafe
{
    /// <summary>
    /// The memory-unsafe APIs PAL4002 watches, resolved once per compilation. Whole types where nearly every member
    /// reinterprets or forges references; for Marshal only the members that read, write, allocate or free raw memory
    /// or turn pointers into delegates (SizeOf, GetLastWin32Error and friends are harmless).
    /// </summary>
    internal sealed class UnsafeApis
    {
        /// <summary>Types whose every method is unsafe, except the members listed in <see cref="HarmlessMembers"/>.</summary>
        public static readonly ImmutableArray<string> WholeTypes = ImmutableArray.Create(
            "System.Runtime.CompilerServices.Unsafe",
            "System.Runtime.InteropServices.MemoryMarshal",
            "System.Runtime.InteropServices.CollectionsMarshal",
            "System.Runtime.InteropServices.ImmutableCollectionsMarshal",
            "System.Runtime.InteropServices.NativeMemory");

        /// <summary>Members of the whole types that only look at memory safely (copies, bounds-checked lookups).</summary>
        public static readonly ImmutableHashSet<string> HarmlessMembers = ImmutableHashSet.Create(
            StringComparer.Ordinal, "TryGetArray", "TryGetMemoryManager", "TryGetString", "ToEnumerable");

        public const string MarshalType = "System.Runtime.InteropServices.Marshal";

        /// <summary>Marshal members that touch raw memory, by name prefix: ReadInt32, WriteIntPtr, AllocHGlobal, PtrToStructure...</summary>
        public static readonly ImmutableArray<string> MarshalPrefixes = ImmutableArray.Create(
            "Read", "Write", "Copy", "Alloc", "ReAlloc", "Free", "PtrTo", "StructureToPtr", "DestroyStructure",
            "StringTo", "SecureStringTo", "ZeroFree", "GetDelegateForFunctionPointer", "GetFunctionPointerForDelegate",
            "UnsafeAddrOfPinnedArrayElement");

        private readonly HashSet<INamedTypeSymbol> _wholeTypes;
        private readonly INamedTypeSymbol? _marshal;

        private UnsafeApis(HashSet<INamedTypeSymbol> wholeTypes, INamedTypeSymbol? marshal)
        {
            _wholeTypes = wholeTypes;
            _marshal = marshal;
        }

        /// <summary>Null when the compilation references none of the types: the rule then registers nothing.</summary>
        public static UnsafeApis? Create(Compilation compilation)
        {
            var wholeTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in WholeTypes)
            {
                var type = TypeLookup.Find(compilation, name);
                if (type != null)
                {
                    wholeTypes.Add(type);
                }
            }

            var marshal = TypeLookup.Find(compilation, MarshalType);
            return wholeTypes.Count == 0 && marshal is null ? null : new UnsafeApis(wholeTypes, marshal);
        }

        public bool IsUnsafe(IMethodSymbol method)
        {
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return false;
            }

            if (_wholeTypes.Contains(type))
            {
                return !HarmlessMembers.Contains(method.Name);
            }

            if (_marshal != null && SymbolEqualityComparer.Default.Equals(type, _marshal))
            {
                foreach (var prefix in MarshalPrefixes)
                {
                    if (method.Name.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
