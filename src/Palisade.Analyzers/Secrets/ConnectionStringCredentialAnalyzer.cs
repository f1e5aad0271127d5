using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// PAL2003: a connection-string-shaped literal with a real password, token or secret value
    /// (<c>Password=</c>, <c>Pwd=</c>, <c>AuthToken=</c>, <c>Credential=</c> ...), or a URL with <c>user:password@</c>.
    /// Integrated security, empty passwords, placeholders and interpolation holes are fine. A connection string
    /// split over concatenated literals is judged whole, with variables as holes. The literals come from the scan
    /// PAL2002 shares (<see cref="StringLiteralScan"/>), which has already set aside every literal without the
    /// separators a connection string or URL needs.
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

            var scan = StringLiteralScan.For(context.Tree, context.CancellationToken);
            if (scan.CredentialCandidates.IsEmpty && scan.Concatenations.IsEmpty)
            {
                return;
            }

            var names = settings.NamesFor(context.Tree);
            foreach (var token in scan.CredentialCandidates)
            {
                Report(context, token.ValueText, StringLiteralTokens.LocationOf(token), names);
            }

            foreach (var concatenation in scan.Concatenations)
            {
                Report(context, StringLiteralScan.JoinedText(concatenation), concatenation.GetLocation(), names);
            }
        }

        private static void Report(SyntaxTreeAnalysisContext context, string text, Location location, SecretNames names)
        {
            if (ConnectionStrings.TryFindPassword(text, names, out var password, out _))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CredentialInConnectionString, location, SecretDiagnosticProperties.Suggesting("connection string"), "connection string", SecretMask.Mask(password)));
            }
            else if (ConnectionStrings.TryFindUrlPassword(text, names, out password, out _))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CredentialInConnectionString, location, SecretDiagnosticProperties.Suggesting("service URL"), "URL", SecretMask.Mask(password)));
            }
        }
    }
}
