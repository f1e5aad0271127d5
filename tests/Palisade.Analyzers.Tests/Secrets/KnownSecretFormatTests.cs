using System.Threading.Tasks;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Secrets.KnownSecretFormatAnalyzer>;

namespace Palisade.Analyzers.Tests.Secrets
{
    public class KnownSecretFormatTests
    {
        public static TheoryData<string> Flagged => new TheoryData<string>(SecretCases.KnownFormatFlagged);

        public static TheoryData<string> Safe => new TheoryData<string>(SecretCases.KnownFormatSafe);

        [Theory]
        [MemberData(nameof(Flagged))]
        public Task Literal_with_a_known_token_format_is_reported_whatever_its_name(string members)
        {
            var source = SecretSources.InClass(members);
            return Verify.VerifyAnalyzerAsync(source, SecretTestSupport.ExpectedAtMarkers(source, Descriptors.KnownSecretFormat));
        }

        [Theory]
        [MemberData(nameof(Safe))]
        public Task Prefix_alone_example_key_public_key_or_plain_random_text_is_not_reported(string members)
        {
            return Verify.VerifyAnalyzerAsync(SecretSources.InClass(members));
        }

        [Fact]
        public Task Message_says_the_kind_and_shows_only_the_prefix_and_length()
        {
            var source = SecretSources.InClass("""void M() { var x = {|#0:"%%GITHUB%%"|}; }""");
            return Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.KnownSecretFormat).WithLocation(0).WithArguments("GitHub token", "ghp_\u2026(40 chars)"));
        }

        [Fact]
        public Task Test_projects_are_still_scanned_for_known_formats()
        {
            var test = new Verify.Test { TestCode = SecretSources.InClass("""void M() { var x = {|#0:"%%STRIPE%%"|}; }""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.KnownSecretFormat).WithLocation(0));
            return test.RunAsync();
        }
    }
}
