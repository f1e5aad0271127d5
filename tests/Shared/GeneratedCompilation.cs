using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Palisade.Testing.Generator;

namespace Palisade.Testing
{
    /// <summary>How generated code is parsed and compiled: latest C#, nullable on, unsafe allowed, the real references.</summary>
    internal static class GeneratedCompilation
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        public static ImmutableArray<SyntaxTree> Parse(IEnumerable<GeneratedFile> files) =>
            files.Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path)).ToImmutableArray();

        /// <summary>
        /// Palisade's opt-in rules (off by default, such as PAL4002) switched on: the driver skips an analyzer whose
        /// rules are all off, so without this the benchmark would never measure them and the robustness suite would
        /// never run them.
        /// </summary>
        public static readonly ImmutableDictionary<string, ReportDiagnostic> OptInRulesOn =
            PalisadeAnalyzerCatalog.CreateAnalyzers()
                .SelectMany(analyzer => analyzer.SupportedDiagnostics)
                .Where(descriptor => !descriptor.IsEnabledByDefault)
                .Select(descriptor => descriptor.Id)
                .Distinct()
                .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

        public static CSharpCompilationOptions Options(bool concurrentBuild) =>
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithAllowUnsafe(true)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithConcurrentBuild(concurrentBuild)
                .WithSpecificDiagnosticOptions(OptInRulesOn);

        /// <summary>A fresh compilation: nothing bound yet, so timing it measures the compiler's whole binding work.</summary>
        public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, bool concurrentBuild = false) =>
            CSharpCompilation.Create("Contoso.Generated", trees, LibraryReferences.All, Options(concurrentBuild));
    }
}
