using System.Threading.Tasks;
using Palisade.Analyzers.Secrets;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Secrets.CredentialNamedValueAnalyzer>;

namespace Palisade.Analyzers.Tests.Secrets
{
    public class CredentialNamedValueTests
    {
        public static TheoryData<string> Flagged => new TheoryData<string>(SecretCases.CredentialNamedFlagged);

        public static TheoryData<string> Safe => new TheoryData<string>(SecretCases.CredentialNamedSafe);

        [Theory]
        [MemberData(nameof(Flagged))]
        public Task Constant_string_flowing_into_a_secret_named_target_is_reported(string members)
        {
            var source = SecretSources.InClass(members);
            return Verify.VerifyAnalyzerAsync(source, SecretTestSupport.ExpectedAtMarkers(source, Descriptors.CredentialInNamedSymbol));
        }

        [Theory]
        [MemberData(nameof(Safe))]
        public Task Label_placeholder_key_name_or_runtime_value_is_not_reported(string members)
        {
            return Verify.VerifyAnalyzerAsync(SecretSources.InClass(members));
        }

        [Fact]
        public Task Message_names_the_target_and_masks_the_value()
        {
            var source = SecretSources.InClass("""void M() { var dbPassword = {|#0:"s3cr3t-Pa55"|}; }""");
            return Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.CredentialInNamedSymbol).WithLocation(0).WithArguments("dbPassword", "\u2026(11 chars)"));
        }

        [Fact]
        public Task Extra_secret_words_from_editorconfig_extend_the_names()
        {
            var test = new Verify.Test { TestCode = SecretSources.InClass("""void M() { var pinCode = {|#0:"8812-3391"|}; }""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\npalisade.secret_words = pin code\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.CredentialInNamedSymbol).WithLocation(0));
            return test.RunAsync();
        }

        [Fact]
        public Task Without_extra_secret_words_an_unknown_name_is_not_reported()
        {
            return Verify.VerifyAnalyzerAsync(SecretSources.InClass("""void M() { var pinCode = "8812-3391"; }"""));
        }

        [Fact]
        public Task Extra_placeholder_values_from_editorconfig_are_quiet()
        {
            var test = new Verify.Test { TestCode = SecretSources.InClass("""void M() { var password = "set-by-octopus"; }""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\npalisade.secrets.placeholder_values = set-by-octopus\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Test_projects_are_not_scanned_by_default()
        {
            var test = new Verify.Test { TestCode = SecretSources.InClass("""void M() { var password = "fixturePw1"; }""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Test_projects_are_scanned_when_the_option_says_so()
        {
            var test = new Verify.Test { TestCode = SecretSources.InClass("""void M() { var password = {|#0:"fixturePw1"|}; }""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\npalisade.secrets.scan_test_projects = true\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.CredentialInNamedSymbol).WithLocation(0));
            return test.RunAsync();
        }
    }
}
