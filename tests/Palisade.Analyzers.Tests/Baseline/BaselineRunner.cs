using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Baseline;
using Palisade.Analyzers.Tests.Verifiers;

namespace Palisade.Analyzers.Tests.Baseline
{
    /// <summary>
    /// Compiles C# files that live under a fake repository root (/repo), runs every Palisade analyzer and, when a
    /// baseline is given, the <see cref="BaselineSuppressor"/> with the baseline as an AdditionalFile, the way csc
    /// does in a build. Suppressed diagnostics are kept (as in a SARIF log).
    /// </summary>
    internal static class BaselineRunner
    {
        public const string Root = "/repo";

        public static async Task<ImmutableArray<Diagnostic>> RunAsync(
            IReadOnlyDictionary<string, string> files, string? baselineJson = null, string baselinePath = Root + "/" + BaselineFile.DefaultFileName,
            IReadOnlyDictionary<string, string>? additionalFiles = null, AnalyzerConfigOptionsProvider? options = null)
        {
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, new CSharpParseOptions(LanguageVersion.Latest), Root + "/" + f.Key)).ToArray();
            var texts = new List<AdditionalText>();
            foreach (var file in additionalFiles ?? new Dictionary<string, string>())
            {
                texts.Add(new InMemoryText(Root + "/" + file.Key, file.Value));
            }

            if (baselineJson != null)
            {
                texts.Add(new InMemoryText(baselinePath, baselineJson));
            }

            var compilation = CSharpCompilation.Create("Baseline", trees, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            var analyzers = MetaTests.Analyzers().Where(a => a is not DiagnosticSuppressor).ToList();
            if (baselineJson != null)
            {
                analyzers.Add(new BaselineSuppressor());
            }

            var analyzerOptions = options is null
                ? new AnalyzerOptions(texts.ToImmutableArray())
                : new AnalyzerOptions(texts.ToImmutableArray(), options);
            var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), new CompilationWithAnalyzersOptions(
                analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Where(d => d.Id.StartsWith("PAL", StringComparison.Ordinal) || d.Id == "AD0001")
                .OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray();
        }

        /// <summary>What <c>palisade baseline</c> would write for these findings (baseline at the root).</summary>
        public static string BaselineFor(ImmutableArray<Diagnostic> diagnostics, IReadOnlyDictionary<string, string>? additionalFiles = null)
        {
            var active = diagnostics.Where(d => !d.IsSuppressed).ToList();
            var entries = FindingFingerprint.Compute(active, Root, path => ReadAdditional(path, additionalFiles), CancellationToken.None);
            return BaselineFile.Create(entries).ToJson();
        }

        private static SourceText? ReadAdditional(string path, IReadOnlyDictionary<string, string>? additionalFiles)
        {
            if (additionalFiles is null || !path.StartsWith(Root + "/", StringComparison.Ordinal))
            {
                return null;
            }

            return additionalFiles.TryGetValue(path.Substring(Root.Length + 1), out var text) ? SourceText.From(text) : null;
        }

        internal sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText text;

            public InMemoryText(string path, string content)
            {
                Path = path;
                text = SourceText.From(content);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => text;
        }
    }
}
