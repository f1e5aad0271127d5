using System;
using System.IO;
using System.Linq;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>
    /// Policies in the shapes real repositories use, written for these tests (Fixtures/RealStylePolicies):
    /// reporting-only policies of large organisations, one-liners that point elsewhere, bug-bounty and GitHub
    /// private reporting, and template leftovers of small repositories. A usable one never gets PAL5002 (it may
    /// get PAL5003); an unusable one always does.
    /// </summary>
    public sealed class RealStylePolicyTests
    {
        private static string Folder(string verdict) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "RealStylePolicies", verdict);

        public static TheoryData<string> Usable() => Names("usable");

        public static TheoryData<string> UnusableOnes() => Names("unusable");

        private static TheoryData<string> Names(string verdict)
        {
            var data = new TheoryData<string>();
            foreach (string file in Directory.GetFiles(Folder(verdict), "*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Usable))]
        public void Usable_policy_raises_no_PAL5002(string name)
        {
            var problems = SecurityPolicyChecker.Check(PolicyFileReader.Read(Path.Combine(Folder("usable"), name)));

            Assert.True(problems.All(p => p.Level == PolicyLevel.Incomplete), string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(UnusableOnes))]
        public void Unusable_policy_always_raises_PAL5002(string name)
        {
            var problems = SecurityPolicyChecker.Check(PolicyFileReader.Read(Path.Combine(Folder("unusable"), name)));

            Assert.Contains(problems, p => p.Level == PolicyLevel.Unusable);
        }

        [Fact]
        public void The_set_has_enough_of_each_kind()
        {
            Assert.True(Directory.GetFiles(Folder("usable"), "*.md").Length >= 10);
            Assert.True(Directory.GetFiles(Folder("unusable"), "*.md").Length >= 10);
        }
    }
}
