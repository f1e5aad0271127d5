using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// PAL2003: a connection-string-shaped literal with a real <c>Password=</c>/<c>Pwd=</c> value, or a URL with
    /// <c>user:password@</c>. Integrated security, empty passwords, placeholders and interpolation holes are fine.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConnectionStringCredentialAnalyzer : PalisadeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CredentialInConnectionString);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var settings = SecretScanSettings.Create(context.Compilation, context.Options);
            context.RegisterSyntaxTreeAction(tree => AnalyzeTree(tree, settings));
        }

        private static void AnalyzeTree(SyntaxTreeAnalysisContext context, SecretScanSettings settings)
        {
            if (!settings.ScansNameBasedRules(context.Tree))
            {
                return;
            }

            var names = settings.NamesFor(context.Tree);
            var root = context.Tree.GetRoot(context.CancellationToken);
            foreach (var token in StringLiteralTokens.In(root))
            {
                var text = token.ValueText;
                if (text.IndexOf('=') >= 0 && ConnectionStrings.TryFindPassword(text, names, out var password, out _))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CredentialInConnectionString, StringLiteralTokens.LocationOf(token), SecretDiagnosticProperties.Suggesting("connection string"), "connection string", SecretMask.Mask(password)));
                }
                else if (text.IndexOf('@') >= 0 && ConnectionStrings.TryFindUrlPassword(text, names, out password, out _))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CredentialInConnectionString, StringLiteralTokens.LocationOf(token), SecretDiagnosticProperties.Suggesting("service URL"), "URL", SecretMask.Mask(password)));
                }
            }
        }
    }
}
