using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>
    /// The rule pages' example policies say what they claim: the usable ones raise no PAL5002 once the reader puts
    /// a real address in place of acme.example and OWNER/REPO, and copied as they stand they are flagged, so the
    /// documentation's own placeholders can never pass the gate.
    /// </summary>
    public sealed class DocumentationExampleTests
    {
        private static string RepositoryRoot()
        {
            for (string? directory = AppContext.BaseDirectory; directory != null; directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "Analyzers.sln")))
                {
                    return directory;
                }
            }

            throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
        }

        private static string Page(string id) => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md")).Replace("\r\n", "\n");

        /// <summary>The ```markdown blocks of a page, optionally only those right after a marker comment.</summary>
        private static List<string> MarkdownBlocks(string page, string? marker = null)
        {
            string pattern = (marker == null ? string.Empty : Regex.Escape(marker) + @"\n") + @"```markdown\n(?<body>.*?)\n```";
            return Regex.Matches(page, pattern, RegexOptions.Singleline).Select(m => m.Groups["body"].Value).ToList();
        }

        /// <summary>What a reader does with an example: puts their own domain and repository in.</summary>
        private static string Filled(string example) =>
            example.Replace("acme.example", "acme-widgets.io").Replace("OWNER/REPO", "acme/widgets").Replace("OWNER/", "acme/");

        private static bool IsUnusable(string text) => SecurityPolicyChecker.Check(text).Any(p => p.Level == PolicyLevel.Unusable);

        [Fact]
        public void PAL5002_usable_one_line_examples_pass_once_filled_in_and_are_flagged_as_they_stand()
        {
            List<string> examples = MarkdownBlocks(Page("PAL5002"), "<!-- usable-example -->");

            Assert.True(examples.Count >= 5, "expected the usable one-line examples in docs/rules/PAL5002.md");
            foreach (string example in examples)
            {
                Assert.False(IsUnusable(Filled(example)), Filled(example) + "\n" + string.Join("\n", SecurityPolicyChecker.Check(Filled(example))));
                if (example.Contains("acme.example", StringComparison.Ordinal) || example.Contains("OWNER/", StringComparison.Ordinal))
                {
                    Assert.True(IsUnusable(example), "left as it stands, this example must be flagged:\n" + example);
                }
            }
        }

        [Fact]
        public void Complete_examples_of_PAL5002_and_PAL5003_have_no_problem_once_filled_in()
        {
            string complete5002 = MarkdownBlocks(Page("PAL5002")).Last();
            string complete5003 = MarkdownBlocks(Page("PAL5003")).Last();

            Assert.Empty(SecurityPolicyChecker.Check(Filled(complete5002)));
            Assert.Empty(SecurityPolicyChecker.Check(Filled(complete5003)));
            Assert.True(IsUnusable(complete5002));
        }

        [Fact]
        public void The_minimal_policy_of_PAL5001_is_flagged_as_it_stands()
        {
            string minimal = MarkdownBlocks(Page("PAL5001")).First();

            var problems = SecurityPolicyChecker.Check(minimal);
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && p.Message.Contains("acme.example"));
            Assert.Contains(problems, p => p.Kind == PolicyProblemKind.Placeholder && p.Message.Contains("OWNER/REPO"));
            Assert.Empty(SecurityPolicyChecker.Check(Filled(minimal).Replace(" (replace with your real address!)", string.Empty)));
        }

        [Fact]
        public void Palisade_s_own_SECURITY_md_is_complete()
        {
            string policy = File.ReadAllText(Path.Combine(RepositoryRoot(), "SECURITY.md"));

            Assert.Empty(SecurityPolicyChecker.Check(policy));
        }
    }
}
