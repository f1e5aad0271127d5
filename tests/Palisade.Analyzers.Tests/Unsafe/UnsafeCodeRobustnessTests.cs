using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Tests.Verifiers;
using Palisade.Analyzers.Unsafe;
using Xunit;

namespace Palisade.Analyzers.Tests.Unsafe
{
    /// <summary>Half-typed and broken code must never make the PAL4xxx analyzers throw (an AD0001 in the IDE).</summary>
    public class UnsafeCodeRobustnessTests
    {
        [Theory]
        [InlineData("unsafe")]
        [InlineData("using unsafe")]
        [InlineData("using unsafe X =")]
        [InlineData("class C { unsafe }")]
        [InlineData("class C { void M() { unsafe } }")]
        [InlineData("class C { void M() { unsafe { } ")]
        [InlineData("class C { void M() { // SAFETY: the pointer stays in bounds\n unsafe {")]
        [InlineData("unsafe unsafe class C { }")]
        [InlineData("class C { [System.Diagnostics.CodeAnalysis.SuppressMessage(] unsafe void M() { } }")]
        [InlineData("class C { [SuppressMessage(\"Security\", Justification = )] unsafe void M() { } }")]
        [InlineData("class C { [SuppressMessage(checkId: 42, Justification = null)] unsafe void M() { } }")]
        [InlineData("class C { /* SAFETY: unterminated comment\n unsafe void M() { } }")]
        [InlineData("class C { /// SAFETY: <remarks unterminated\n unsafe void M() { } }")]
        [InlineData("#if\n// SAFETY: broken directive above\nunsafe class C { }")]
        [InlineData("class C { void M() { System.Runtime.InteropServices.Marshal.ReadInt32(; } }")]
        [InlineData("class C { void M() { System.Runtime.CompilerServices.Unsafe.As<>(null); } }")]
        [InlineData("class C { void M() => System.Runtime.InteropServices.Marshal.; }")]
        [InlineData("class C { System.Func<int> f = System.Runtime.CompilerServices.Unsafe.SizeOf<; }")]
        [InlineData("")]
        public async Task Broken_code_does_not_crash_the_analyzers(string source)
        {
            var compilation = CSharpCompilation.Create(
                "Broken",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true)
                    .WithSpecificDiagnosticOptions(new[] { new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("PAL4002", ReportDiagnostic.Warn) }));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UnsafeWithoutJustificationAnalyzer(), new UnsafeApiWithoutJustificationAnalyzer());
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        [Fact]
        public async Task Robustness_check_can_see_an_analyzer_crash()
        {
            // Proves the assertion above is able to fail: a throwing analyzer shows up as AD0001.
            var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText("class C { }") }, TestReferences.All);
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()), options).GetAllDiagnosticsAsync();
            Assert.Contains(diagnostics, d => d.Id == "AD0001");
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
#pragma warning disable RS2008 // A test-only rule: no release tracking.
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);
#pragma warning restore RS2008

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxTreeAction(_ => throw new System.InvalidOperationException("boom"));
            }
        }
    }
}
