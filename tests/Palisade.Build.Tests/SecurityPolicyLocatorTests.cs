using System.IO;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>Where the gate looks for SECURITY.md: the repository root, .github and docs, in any letter case.</summary>
    public sealed class SecurityPolicyLocatorTests
    {
        [Fact]
        public void Root_is_the_nearest_folder_with_a_git_directory()
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory("repo", ".git");
            string project = temp.CreateDirectory("repo", "src", "App");
            string policy = temp.WriteFile("repo/SECURITY.md", Policies.Complete);

            var location = SecurityPolicyLocator.Locate(project, null, null, null);

            Assert.Equal(policy, location.PolicyPath);
            Assert.Equal(temp.Combine("repo"), location.RepositoryRoot);
        }

        [Fact]
        public void A_git_file_as_in_worktrees_and_submodules_marks_the_root_too()
        {
            using var temp = new TempDirectory();
            temp.WriteFile("outer/.git/HEAD", "ref: refs/heads/main");
            temp.WriteFile("outer/inner/.git", "gitdir: ../.git/modules/inner");
            string project = temp.CreateDirectory("outer", "inner", "src");
            temp.WriteFile("outer/SECURITY.md", Policies.Complete);

            var location = SecurityPolicyLocator.Locate(project, null, null, null);

            Assert.Equal(temp.Combine("outer", "inner"), location.RepositoryRoot);
            Assert.Null(location.PolicyPath);
        }

        [Theory]
        [InlineData("SECURITY.md")]
        [InlineData("security.md")]
        [InlineData("Security.md")]
        [InlineData("SECURITY.MD")]
        [InlineData(".github/SECURITY.md")]
        [InlineData(".github/security.md")]
        [InlineData("docs/SECURITY.md")]
        public void Policy_is_found_in_githubs_three_places_in_any_letter_case(string relative)
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");
            string policy = temp.WriteFile(relative, Policies.Complete);

            var location = SecurityPolicyLocator.Locate(temp.CreateDirectory("app"), null, null, null);

            Assert.Equal(Path.GetFullPath(policy), location.PolicyPath);
        }

        [Theory]
        [InlineData("app/SECURITY.md")]
        [InlineData("documentation/SECURITY.md")]
        [InlineData("SECURITY.txt")]
        [InlineData("SECURITY.md.bak")]
        public void Policies_elsewhere_are_not_found(string relative)
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");
            temp.WriteFile(relative, Policies.Complete);

            var location = SecurityPolicyLocator.Locate(temp.CreateDirectory("app"), null, null, null);

            Assert.Null(location.PolicyPath);
            Assert.Equal(3, location.Candidates.Count);
        }

        [Fact]
        public void Without_git_the_solution_folder_is_the_root()
        {
            using var temp = new TempDirectory();
            string solution = temp.CreateDirectory("sln");
            string project = temp.CreateDirectory("sln", "src", "App");
            string policy = temp.WriteFile("sln/.github/SECURITY.md", Policies.Complete);

            var location = SecurityPolicyLocator.Locate(project, solution + Path.DirectorySeparatorChar, null, null);

            Assert.Equal(policy, location.PolicyPath);
            Assert.Contains("solution", location.RootReason);
        }

        [Fact]
        public void Without_git_or_solution_the_project_folder_is_the_root()
        {
            using var temp = new TempDirectory();
            string project = temp.CreateDirectory("App");

            var location = SecurityPolicyLocator.Locate(project, null, null, null);

            Assert.Null(location.PolicyPath);
            Assert.Equal(project, location.RepositoryRoot);
            Assert.Equal(Path.Combine(project, "SECURITY.md"), location.Candidates[0]);
            Assert.Equal(Path.Combine(project, ".github", "SECURITY.md"), location.Candidates[1]);
            Assert.Equal(Path.Combine(project, "docs", "SECURITY.md"), location.Candidates[2]);
        }

        [Fact]
        public void Repository_root_override_wins_over_git()
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");
            string policy = temp.WriteFile("policies/SECURITY.md", Policies.Complete);

            var location = SecurityPolicyLocator.Locate(temp.CreateDirectory("app"), null, "../policies", null);

            Assert.Equal(policy, location.PolicyPath);
            Assert.Contains("PalisadeRepositoryRoot", location.RootReason);
        }

        [Fact]
        public void Explicit_policy_path_wins_and_may_have_any_name()
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");
            temp.WriteFile("SECURITY.md", Policies.Complete);
            string policy = temp.WriteFile("governance/security-policy.md", Policies.Complete);

            var location = SecurityPolicyLocator.Locate(temp.CreateDirectory("app"), null, null, "../governance/security-policy.md");

            Assert.Equal(policy, location.PolicyPath);
        }

        [Fact]
        public void Missing_explicit_policy_path_is_not_found_even_if_a_root_policy_exists()
        {
            using var temp = new TempDirectory();
            temp.CreateDirectory(".git");
            temp.WriteFile("SECURITY.md", Policies.Complete);

            var location = SecurityPolicyLocator.Locate(temp.CreateDirectory("app"), null, null, "missing.md");

            Assert.Null(location.PolicyPath);
            Assert.Equal(temp.Combine("app", "missing.md"), Assert.Single(location.Candidates));
        }
    }
}
