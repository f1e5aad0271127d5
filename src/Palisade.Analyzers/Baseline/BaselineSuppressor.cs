using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Palisade.Analyzers.Baseline
{
    /// <summary>
    /// Suppresses the findings listed in the project's baseline (palisade.baseline.json, passed by the package as an
    /// AdditionalFile with metadata PalisadeBaseline=true). A suppressed finding no longer warns or breaks a strict
    /// build, yet stays in the SARIF log as suppressed with the justification "baseline". Findings not in the file
    /// are untouched, so new ones still fail the build.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineSuppressor : DiagnosticSuppressor
    {
        public const string Justification = "baseline";

        /// <summary>The AdditionalFiles metadata the package's targets set on the baseline file.</summary>
        public const string MetadataKey = "build_metadata.AdditionalFiles.PalisadeBaseline";

        /// <summary>The rules a baseline can hold: every analyzer rule (PAL5xxx come from the MSBuild task, not the compiler).</summary>
        internal static readonly ImmutableArray<string> SuppressibleRuleIds = ImmutableArray.Create(
            DiagnosticIds.SuppressionWithoutJustification,
            DiagnosticIds.SqlBuiltFromText,
            DiagnosticIds.EfCoreRawSqlBuiltFromText,
            DiagnosticIds.SqlIdentifierFromText,
            DiagnosticIds.UntrustedInputExecutedAsSql,
            DiagnosticIds.CredentialInNamedSymbol,
            DiagnosticIds.KnownSecretFormat,
            DiagnosticIds.CredentialInConnectionString,
            DiagnosticIds.SecretInConfigurationFile,
            DiagnosticIds.SecretWrittenToLog,
            DiagnosticIds.SecretInExceptionMessage,
            DiagnosticIds.SensitiveLoggerMessageParameter,
            DiagnosticIds.UnsafeWithoutJustification,
            DiagnosticIds.UnsafeApiWithoutJustification);

        private static readonly ImmutableDictionary<string, SuppressionDescriptor> DescriptorsByRule =
            SuppressibleRuleIds.ToImmutableDictionary(
                id => id,
                id => new SuppressionDescriptor(SuppressionId(id), id, Justification),
                StringComparer.Ordinal);

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } =
            SuppressibleRuleIds.Select(id => DescriptorsByRule[id]).ToImmutableArray();

        /// <summary>PAL1001 is suppressed by PALB1001, and so on.</summary>
        public static string SuppressionId(string ruleId) => "PALB" + ruleId.Substring(3);

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            AdditionalText? file = FindBaselineFile(context.Options);
            SourceText? text = file?.GetText(context.CancellationToken);
            if (file is null || text is null || !BaselineFile.TryParse(text.ToString(), out BaselineFile? baseline) || baseline!.Entries.IsEmpty)
            {
                return;
            }

            List<Diagnostic> candidates = context.ReportedDiagnostics.Where(d => DescriptorsByRule.ContainsKey(d.Id)).ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            string directory = Path.GetDirectoryName(file.Path) ?? string.Empty;
            var additionalFiles = context.Options.AdditionalFiles;
            SourceText? ReadAdditionalFile(string path) =>
                additionalFiles.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal))?.GetText(context.CancellationToken);

            BaselineEntry[] entries = FindingFingerprint.Compute(candidates, directory, ReadAdditionalFile, context.CancellationToken);
            var matcher = new BaselineMatcher(baseline);
            for (int i = 0; i < candidates.Count; i++)
            {
                if (matcher.Match(entries[i]) != null)
                {
                    context.ReportSuppression(Suppression.Create(DescriptorsByRule[candidates[i].Id], candidates[i]));
                }
            }
        }

        /// <summary>The AdditionalFile marked PalisadeBaseline=true, else one named palisade.baseline.json.</summary>
        internal static AdditionalText? FindBaselineFile(AnalyzerOptions options)
        {
            AdditionalText? byName = null;
            foreach (AdditionalText file in options.AdditionalFiles)
            {
                if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MetadataKey, out string? value)
                    && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }

                if (byName is null && string.Equals(Path.GetFileName(file.Path), BaselineFile.DefaultFileName, StringComparison.OrdinalIgnoreCase))
                {
                    byName = file;
                }
            }

            return byName;
        }
    }
}
