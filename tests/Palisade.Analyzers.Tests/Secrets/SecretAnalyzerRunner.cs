using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Secrets;
using Palisade.Analyzers.Tests.Verifiers;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// Runs the secrets analyzers directly (no verifier) over one labelled case and returns what they reported and
    /// where the labels say they should report. Used by the corpus (precision/recall) and leak tests.
    /// </summary>
    internal static class SecretAnalyzerRunner
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> All = ImmutableArray.Create<DiagnosticAnalyzer>(
            new CredentialNamedValueAnalyzer(), new KnownSecretFormatAnalyzer(), new ConnectionStringCredentialAnalyzer(), new ConfigurationFileSecretAnalyzer());

        public sealed class Result
        {
            public Result(string text, ImmutableArray<TextSpan> labelled, ImmutableArray<Diagnostic> diagnostics)
            {
                Text = text;
                Labelled = labelled;
                Diagnostics = diagnostics;
            }

            /// <summary>The case text without markup, as compiled or read.</summary>
            public string Text { get; }

            /// <summary>The spans the labels mark as secrets.</summary>
            public ImmutableArray<TextSpan> Labelled { get; }

            public ImmutableArray<Diagnostic> Diagnostics { get; }
        }

        public static Task<Result> RunOnMembersAsync(string members, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var (text, spans) = StripMarkup(SecretSources.InClass(members));
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
            return RunAsync(text, spans, new[] { tree }, ImmutableArray<AdditionalText>.Empty, analyzers);
        }

        public static Task<Result> RunOnFileAsync(string fileName, string content, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var (text, spans) = StripMarkup(FakeSecrets.Expand(content));
            var file = new InMemoryAdditionalText("/project/" + fileName, text);
            var tree = CSharpSyntaxTree.ParseText("class C { }", new CSharpParseOptions(LanguageVersion.Latest));
            return RunAsync(text, spans, new[] { tree }, ImmutableArray.Create<AdditionalText>(file), analyzers);
        }

        private static async Task<Result> RunAsync(string text, ImmutableArray<TextSpan> spans, SyntaxTree[] trees, ImmutableArray<AdditionalText> files, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var compilation = CSharpCompilation.Create(
                "Corpus", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), new AnalyzerOptions(files));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return new Result(text, spans, diagnostics);
        }

        /// <summary>Removes <c>{|#n:</c> / <c>|}</c> markers and returns the spans they enclosed.</summary>
        public static (string Text, ImmutableArray<TextSpan> Spans) StripMarkup(string source)
        {
            var builder = new StringBuilder();
            var spans = ImmutableArray.CreateBuilder<TextSpan>();
            var open = -1;
            for (var i = 0; i < source.Length; i++)
            {
                if (source[i] == '{' && i + 4 < source.Length && source[i + 1] == '|' && source[i + 2] == '#')
                {
                    var colon = source.IndexOf(':', i);
                    open = builder.Length;
                    i = colon;
                    continue;
                }

                if (open >= 0 && source[i] == '|' && i + 1 < source.Length && source[i + 1] == '}')
                {
                    spans.Add(TextSpan.FromBounds(open, builder.Length));
                    open = -1;
                    i++;
                    continue;
                }

                builder.Append(source[i]);
            }

            return (builder.ToString(), spans.ToImmutable());
        }

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
