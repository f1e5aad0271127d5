using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Testing
{
    /// <summary>
    /// Every analyzer the product ships, found by reflection so the benchmark and the robustness tests cover
    /// whatever rules exist without being edited when a rule is added.
    /// </summary>
    internal static class PalisadeAnalyzerCatalog
    {
        public static Assembly AnalyzerAssembly => typeof(PalisadeAnalyzer).Assembly;

        /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> type in Palisade.Analyzers, ordered by name.</summary>
        public static ImmutableArray<Type> AnalyzerTypes { get; } = FindConcreteTypes(AnalyzerAssembly, typeof(DiagnosticAnalyzer));

        /// <summary>A fresh instance of every shipped analyzer.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            AnalyzerTypes.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToImmutableArray();

        /// <summary>Concrete, publicly constructible types deriving from <paramref name="baseType"/>.</summary>
        public static ImmutableArray<Type> FindConcreteTypes(Assembly assembly, Type baseType) =>
            GetLoadableTypes(assembly)
                .Where(type => baseType.IsAssignableFrom(type) && type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters)
                .Where(type => type.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .ToImmutableArray();

        private static Type[] GetLoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                // A type that cannot load is itself a defect; surface it instead of silently skipping rules.
                var reasons = string.Join(Environment.NewLine, exception.LoaderExceptions.Select(e => e?.Message));
                throw new InvalidOperationException($"Could not load every type of {assembly.GetName().Name}:{Environment.NewLine}{reasons}", exception);
            }
        }
    }
}
