using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// PAL2002: a string literal anywhere in the code carries a token or key with a recognisable format
    /// (see <see cref="SecretFormats"/>). The name of the variable does not matter; the format is the evidence.
    /// Runs in test projects too: a live token in a test is still a leaked token. The literals come from the scan
    /// PAL2003 shares (<see cref="StringLiteralScan"/>), which has already set aside every literal too short or
    /// without a long enough run of token characters.
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
            foreach (var token in StringLiteralScan.For(context.Tree, context.CancellationToken).FormatCandidates)
            {
                var text = token.ValueText;
                if (SecretFormats.TryFindAfterShapeCheck(text, out var match))
                {
                    var hint = SecretMask.WithPublicPrefix(text.Substring(match.Start, match.Length), match.PublicPrefixLength);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.KnownSecretFormat, StringLiteralTokens.LocationOf(token), SecretDiagnosticProperties.Suggesting(match.Kind), match.Kind, hint));
                }
            }
        }
    }
}
