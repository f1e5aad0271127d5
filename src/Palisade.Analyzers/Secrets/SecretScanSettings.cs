using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Secrets
{
    /// <summary>
    /// The options of the secrets family, read once per compilation (and once per distinct option text):
    /// <c>palisade.secret_words</c>, <c>palisade.secrets.placeholder_values</c>, <c>palisade.secrets.scan_test_projects</c>.
    /// Also decides whether the compilation is a test project, where fake credentials are expected.
    /// </summary>
    internal sealed class SecretScanSettings
    {
        public const string SecretWordsKey = "secret_words";
        public const string PlaceholderValuesKey = "secrets.placeholder_values";
        public const string ScanTestProjectsKey = "secrets.scan_test_projects";

        /// <summary>Assemblies that only a test project references.</summary>
        private static readonly ImmutableHashSet<string> TestFrameworkAssemblies = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "xunit.core", "xunit.v3.core", "xunit.assert", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework", "TUnit.Core", "Microsoft.VisualStudio.QualityTools.UnitTestFramework");

        private static readonly string[] TestProjectSuffixes = { ".Tests", ".Test", ".UnitTests", ".IntegrationTests", ".FunctionalTests", ".Specs", ".Specifications" };

        private readonly AnalyzerOptions _options;

        private SecretScanSettings(AnalyzerOptions options, bool isTestProject)
        {
            _options = options;
            IsTestProject = isTestProject;
        }

        /// <summary>True when the compilation references a test framework or its name says it is a test project.</summary>
        public bool IsTestProject { get; }

        public static SecretScanSettings Create(Compilation compilation, AnalyzerOptions options)
        {
            return new SecretScanSettings(options, DetectTestProject(compilation, options));
        }

        /// <summary>
        /// Whether the name-based and connection-string rules run: always outside test projects; inside them only
        /// with <c>palisade.secrets.scan_test_projects = true</c>. Known token formats and config files are always scanned.
        /// </summary>
        public bool ScansNameBasedRules(SyntaxTree tree) =>
            !IsTestProject || PalisadeOptions.GetBool(_options, tree, ScanTestProjectsKey, defaultValue: false);

        public SecretNames NamesFor(SyntaxTree tree) => NamesFor(PalisadeOptions.For(_options, tree));

        public SecretNames NamesFor(AdditionalText file) => NamesFor(PalisadeOptions.For(_options, file));

        public ImmutableHashSet<string> PlaceholdersFor(SyntaxTree tree) => PlaceholdersFor(PalisadeOptions.For(_options, tree));

        public ImmutableHashSet<string> PlaceholdersFor(AdditionalText file) => PlaceholdersFor(PalisadeOptions.For(_options, file));

        private static SecretNames NamesFor(FileOptions options) =>
            options.Derived("secret_names", o => o.GetList(SecretWordsKey) is { IsEmpty: false } words ? SecretNames.WithExtraTerms(words) : SecretNames.Default);

        private static ImmutableHashSet<string> PlaceholdersFor(FileOptions options) =>
            options.Derived("secret_placeholders", o => o.GetList(PlaceholderValuesKey).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase));

        private static bool DetectTestProject(Compilation compilation, AnalyzerOptions options)
        {
            // MSBuild's own answer when the project exposes it (CompilerVisibleProperty IsTestProject).
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.IsTestProject", out var isTest) &&
                bool.TryParse(isTest, out var parsed))
            {
                return parsed;
            }

            if (compilation.ReferencedAssemblyNames.Any(a => TestFrameworkAssemblies.Contains(a.Name)))
            {
                return true;
            }

            var name = compilation.AssemblyName ?? string.Empty;
            return TestProjectSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        }
    }
}
