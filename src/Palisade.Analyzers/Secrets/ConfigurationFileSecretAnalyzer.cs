using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Secrets.ConfigurationFiles;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// PAL2004: secrets in the configuration files the package passes to the compiler as AdditionalFiles:
    /// appsettings*.json, launchSettings.json, *.config and .env files. A value is a secret when it has a known
    /// token format, is a connection string or URL with a password, sits under a secret-named key, or is a
    /// generated-looking value under a key-named key. The diagnostic points at the value in the file.
    /// Config files are scanned in test projects too: they ship and are committed like any other.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationFileSecretAnalyzer : PalisadeAnalyzer
    {
        private enum FileKind
        {
            None,
            Json,
            Xml,
            DotEnv,
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretInConfigurationFile);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var settings = SecretScanSettings.Create(context.Compilation, context.Options);
            context.RegisterAdditionalFileAction(file => AnalyzeFile(file, settings));
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, SecretScanSettings settings)
        {
            var file = context.AdditionalFile;
            var fileName = Path.GetFileName(file.Path ?? string.Empty);
            var kind = Classify(fileName);
            if (kind == FileKind.None)
            {
                return;
            }

            var source = file.GetText(context.CancellationToken);
            if (source is null)
            {
                return;
            }

            var text = source.ToString();
            var entries = kind switch
            {
                FileKind.Json => JsonConfigurationScanner.Scan(text),
                FileKind.Xml => XmlConfigurationScanner.Scan(text),
                _ => DotEnvScanner.Scan(text),
            };

            var names = settings.NamesFor(file);
            var placeholders = settings.PlaceholdersFor(file);
            foreach (var entry in entries)
            {
                var finding = Judge(entry, names, placeholders);
                if (finding is null || entry.Start < 0 || entry.Start + entry.Length > text.Length)
                {
                    continue;
                }

                var span = new TextSpan(entry.Start, entry.Length);
                var location = Location.Create(file.Path ?? fileName, span, source.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretInConfigurationFile, location, entry.Path, fileName, finding));
            }
        }

        /// <summary>What the secret is and its masked hint, or null when the entry holds no secret.</summary>
        internal static string? Judge(ConfigurationEntry entry, SecretNames names, ImmutableHashSet<string> placeholders)
        {
            var value = entry.Value;
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            // One pass over the value's characters decides which of the checks below can match at all.
            var shape = LiteralShape.Of(value);
            if (SecretFormats.MayContain(shape) && SecretFormats.TryFindAfterShapeCheck(value, out var match))
            {
                return match.Kind + ", " + SecretMask.WithPublicPrefix(value.Substring(match.Start, match.Length), match.PublicPrefixLength);
            }

            if (ConnectionStrings.MayContain(shape))
            {
                if (ConnectionStrings.TryFindPassword(value, names, out var password, out _))
                {
                    return "connection string password, " + SecretMask.Mask(password);
                }

                if (ConnectionStrings.TryFindUrlPassword(value, names, out password, out _))
                {
                    return "password in URL, " + SecretMask.Mask(password);
                }
            }

            if (names.IsSecretName(entry.Name, out var term) && term != "connection string" &&
                !SecretValues.IsNotACredential(value, names, placeholders))
            {
                return term + ", " + SecretMask.Mask(value.Trim());
            }

            // Splitting the name into words allocates; only a name that contains "key" can end with the word "key".
            if (entry.Name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var words = NameWords.Split(entry.Name);
                if (words.Count > 0 && words[words.Count - 1] == "key" && Entropy.LooksRandom(value.Trim()))
                {
                    return "generated key, " + SecretMask.Mask(value.Trim());
                }
            }

            return null;
        }

        private static FileKind Classify(string fileName)
        {
            if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
                (fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || fileName.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase)))
            {
                return FileKind.Json;
            }

            if (fileName.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
            {
                return FileKind.Xml;
            }

            if (fileName.Equals(".env", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase) ||
                fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase))
            {
                return FileKind.DotEnv;
            }

            return FileKind.None;
        }
    }
}
