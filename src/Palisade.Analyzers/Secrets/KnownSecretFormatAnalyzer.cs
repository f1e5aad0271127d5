using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// PAL2002: a string literal anywhere in the code carries a token or key with a recognisable format
    /// (see <see cref="SecretFormats"/>). The name of the variable does not matter; the format is the evidence.
    /// Runs in test projects too: a live token in a test is still a leaked token.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KnownSecretFormatAnalyzer : PalisadeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KnownSecretFormat);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxTreeAction(AnalyzeTree);
        }

        private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
        {
            var root = context.Tree.GetRoot(context.CancellationToken);
            foreach (var token in StringLiteralTokens.In(root))
            {
                var text = token.ValueText;
                if (text.Length >= SecretFormats.ShortestFormat && SecretFormats.TryFind(text, out var match))
                {
                    var hint = SecretMask.Mask(text.Substring(match.Start, match.Length));
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.KnownSecretFormat, StringLiteralTokens.LocationOf(token), SecretDiagnosticProperties.Suggesting(match.Kind), match.Kind, hint));
                }
            }
        }
    }
}
