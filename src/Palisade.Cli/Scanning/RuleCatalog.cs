using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers;
using Palisade.Analyzers.Baseline;

namespace Palisade.Cli.Scanning
{
    /// <summary>What a report says about a rule: title, help text, link and default severity.</summary>
    internal sealed record RuleInfo(string Id, string Title, string Description, string HelpUri, FindingSeverity DefaultSeverity);

    /// <summary>
    /// The analyzers of the Palisade.Analyzers assembly the tool ships with, the same DLL as in the package, found by
    /// reflection so a new rule needs no change here, and the description of every rule including the SECURITY.md ones.
    /// </summary>
    internal static class RuleCatalog
    {
        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(CreateAnalyzers);

        public static Assembly AnalyzerAssembly => typeof(BaselineSuppressor).Assembly;

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

        public static IReadOnlyDictionary<string, RuleInfo> Rules { get; } = CreateRules();

        public static RuleInfo Describe(string id) =>
            Rules.TryGetValue(id, out RuleInfo? rule) ? rule : new RuleInfo(id, id, string.Empty, DiagnosticIds.HelpUri(id), FindingSeverity.Warning);

        /// <summary>Every analyzer, without the baseline suppressor: the tool applies the baseline itself.</summary>
        private static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            AnalyzerAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t))
                .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        private static Dictionary<string, RuleInfo> CreateRules()
        {
            var rules = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
            foreach (DiagnosticDescriptor descriptor in CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics))
            {
                rules[descriptor.Id] = new RuleInfo(descriptor.Id, descriptor.Title.ToString(), descriptor.Description.ToString(),
                    descriptor.HelpLinkUri, ToSeverity(descriptor.DefaultSeverity));
            }

            rules[DiagnosticIds.SecurityPolicyMissing] = new RuleInfo(DiagnosticIds.SecurityPolicyMissing, "Repository has no SECURITY.md",
                "A repository needs a SECURITY.md that tells finders how to report a vulnerability privately.",
                DiagnosticIds.HelpUri(DiagnosticIds.SecurityPolicyMissing), FindingSeverity.Error);
            rules[DiagnosticIds.SecurityPolicyUnusable] = new RuleInfo(DiagnosticIds.SecurityPolicyUnusable, "SECURITY.md is not usable",
                "SECURITY.md must give a private way to report a vulnerability, with no template or placeholder text left in.",
                DiagnosticIds.HelpUri(DiagnosticIds.SecurityPolicyUnusable), FindingSeverity.Warning);
            rules[DiagnosticIds.SecurityPolicyLacksDetails] = new RuleInfo(DiagnosticIds.SecurityPolicyLacksDetails, "SECURITY.md leaves out supported versions or response time",
                "A usable policy that does not say which versions get fixes or how soon reporters hear back.",
                DiagnosticIds.HelpUri(DiagnosticIds.SecurityPolicyLacksDetails), FindingSeverity.Note);
            return rules;
        }

        public static FindingSeverity ToSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => FindingSeverity.Error,
            DiagnosticSeverity.Warning => FindingSeverity.Warning,
            _ => FindingSeverity.Note,
        };
    }
}
