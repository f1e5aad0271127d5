using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Tests.Verifiers;
using Xunit;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>The secrets analyzers run on code that does not compile (the IDE's normal case) without throwing.</summary>
    public class SecretAnalyzerRobustnessTests
    {
        [Theory]
        [InlineData("""class C { void M() { var password = "abc""")]
        [InlineData("""class C { string Password => ; }""")]
        [InlineData("""class C { void M() { var c = new System.Net.NetworkCredential("u", ); } }""")]
        [InlineData("""class C { void M(System.Net.Http.HttpClient h) { h.DefaultRequestHeaders.Add("Authorization", ); } }""")]
        [InlineData("""class C { void M() { Undefined.Call(password: "hunter2!", ); } }""")]
        [InlineData("""class C { const string Password = Missing + "x"; }""")]
        [InlineData("""class C { void M() { if (password == "hunter2!") { } } }""")]
        [InlineData("""class C { void M() { var x = new System.Net.Http.Headers.AuthenticationHeaderValue(); } }""")]
        [InlineData("""class C { object M() => new { Password = }; }""")]
        [InlineData("class C { void M() { var s = $\"Server=db;Password={\"")]
        [InlineData("""class C { void M() { var s = "-----BEGIN PRIVATE KEY-----"; var t = "eyJ.eyJ."; var u = "postgres://:@"; } }""")]
        public async Task Broken_code_never_makes_an_analyzer_throw(string source)
        {
            var exceptions = new ConcurrentBag<Exception>();
            var compilation = CSharpCompilation.Create(
                "Broken",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(SecretAnalyzerRunner.All, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }
}
