using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Palisade.Analyzers.Flow;
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
        private readonly Compilation _compilation;

        /// <summary>
        /// Each tree's answers, looked up once: the name-based rule asks for every constant it meets, and going to
        /// the options provider each time cost more than the check itself on literal-dense code.
        /// </summary>
        private readonly TreeCache<TreeSettings> _perTree;

        private SecretScanSettings(Compilation compilation, AnalyzerOptions options, bool isTestProject)
        {
            _compilation = compilation;
            _options = options;
            IsTestProject = isTestProject;
            _perTree = new TreeCache<TreeSettings>(CreateTreeSettings);
        }

        /// <summary>True when the compilation references a test framework or its name says it is a test project.</summary>
        public bool IsTestProject { get; }

        public static SecretScanSettings Create(Compilation compilation, AnalyzerOptions options)
        {
            return new SecretScanSettings(compilation, options, DetectTestProject(compilation, options));
        }

        /// <summary>
        /// Whether the name-based and connection-string rules run: always outside test projects; inside them only
        /// with <c>palisade.secrets.scan_test_projects = true</c>. Known token formats and config files are always scanned.
        /// </summary>
        public bool ScansNameBasedRules(SyntaxTree tree) => !IsTestProject || For(tree).ScansNameBasedRules;

        public SecretNames NamesFor(SyntaxTree tree) => For(tree).Names;

        /// <summary>A generated file (<see cref="GeneratedCode.IsGeneratedTree"/>), judged once per tree.</summary>
        public bool IsGenerated(SyntaxTree tree) => For(tree).IsGenerated;

        public SecretNames NamesFor(AdditionalText file) => NamesFor(PalisadeOptions.For(_options, file));

        public ImmutableHashSet<string> PlaceholdersFor(SyntaxTree tree) => For(tree).Placeholders;

        public ImmutableHashSet<string> PlaceholdersFor(AdditionalText file) => PlaceholdersFor(PalisadeOptions.For(_options, file));

        private TreeSettings For(SyntaxTree tree) => _perTree.For(tree);

        private TreeSettings CreateTreeSettings(SyntaxTree tree)
        {
            var options = PalisadeOptions.For(_options, tree);
            return new TreeSettings(
                NamesFor(options),
                PlaceholdersFor(options),
                options.GetBool(ScanTestProjectsKey, defaultValue: false),
                GeneratedCode.IsGeneratedTree(tree, _compilation, CancellationToken.None));
        }

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

        private sealed class TreeSettings
        {
            public TreeSettings(SecretNames names, ImmutableHashSet<string> placeholders, bool scansNameBasedRules, bool isGenerated)
            {
                Names = names;
                Placeholders = placeholders;
                ScansNameBasedRules = scansNameBasedRules;
                IsGenerated = isGenerated;
            }

            public bool IsGenerated { get; }

            public SecretNames Names { get; }

            public ImmutableHashSet<string> Placeholders { get; }

            /// <summary><c>palisade.secrets.scan_test_projects</c> for this tree; only read in a test project.</summary>
            public bool ScansNameBasedRules { get; }
        }
    }
}
