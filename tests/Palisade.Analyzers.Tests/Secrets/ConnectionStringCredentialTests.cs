using System.Threading.Tasks;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Secrets.ConnectionStringCredentialAnalyzer>;

namespace Palisade.Analyzers.Tests.Secrets
{
    public class ConnectionStringCredentialTests
    {
        public static TheoryData<string> Flagged => new TheoryData<string>(SecretCases.ConnectionStringFlagged);

        public static TheoryData<string> Safe => new TheoryData<string>(SecretCases.ConnectionStringSafe);

        [Theory]
        [MemberData(nameof(Flagged))]
        public Task Connection_string_or_url_with_a_real_password_is_reported(string members)
        {
            var source = SecretSources.InClass(members);
            return Verify.VerifyAnalyzerAsync(source, SecretTestSupport.ExpectedAtMarkers(source, Descriptors.CredentialInConnectionString));
        }

        [Theory]
        [MemberData(nameof(Safe))]
        public Task Integrated_security_empty_placeholder_or_runtime_password_is_not_reported(string members)
        {
            return Verify.VerifyAnalyzerAsync(SecretSources.InClass(members));
        }

        [Fact]
        public Task Message_says_url_and_masks_the_password()
        {
            var source = SecretSources.InClass("""void M() { var url = {|#0:"amqp://guest:rabbitPw9@mq:5672/"|}; }""");
            return Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.CredentialInConnectionString).WithLocation(0).WithArguments("URL", "\u2026(9 chars)"));
        }
    }
}
