using System.Threading.Tasks;
using Palisade.Analyzers.Shared;
using Xunit;
using ConfigurationVerify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Secrets.ConfigurationFileSecretAnalyzer>;
using FormatVerify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Secrets.KnownSecretFormatAnalyzer>;
using NamedVerify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Secrets.CredentialNamedValueAnalyzer>;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// What a message (and so a SARIF log) may show of a found secret: the published prefix of a known format,
    /// and the length; nothing of a password or generic secret, however long.
    /// </summary>
    public class SecretMaskTests
    {
        [Theory]
        [InlineData("hunter2", "\u2026(7 chars)")]
        [InlineData("a", "\u2026(1 char)")]
        [InlineData("", "(empty)")]
        [InlineData("Wh4rfR4t!Wh4rfR4t!xx", "\u2026(20 chars)")]
        public void A_password_or_generic_secret_shows_its_length_only(string value, string expected)
        {
            Assert.Equal(expected, SecretMask.Mask(value));
        }

        [Theory]
        [InlineData("AKIA0123456789ABCDEF", 4, "AKIA\u2026(20 chars)")]
        [InlineData("abcd", 4, "\u2026(4 chars)")]
        [InlineData("abcdef", 0, "\u2026(6 chars)")]
        public void A_format_shows_its_public_prefix_and_never_the_whole_value(string value, int prefix, string expected)
        {
            Assert.Equal(expected, SecretMask.WithPublicPrefix(value, prefix));
        }

        [Theory]
        [InlineData("%%STRIPE%%", "Stripe live key", "sk_live_\u2026(32 chars)")]
        [InlineData("%%AWS%%", "AWS access key id", "AKIA\u2026(20 chars)")]
        [InlineData("%%SLACK%%", "Slack token", "xoxb-\u2026(56 chars)")]
        [InlineData("AccountKey=%%AZURE_ACCOUNT_KEY%%", "Azure storage account key", "\u2026(88 chars)")]
        public Task Known_formats_show_their_published_prefix_and_formats_without_one_show_the_length(string literal, string kind, string hint)
        {
            var source = SecretSources.InClass("void M() { var x = {|#0:\"" + literal + "\"|}; }");
            return FormatVerify.VerifyAnalyzerAsync(source, FormatVerify.Diagnostic(Descriptors.KnownSecretFormat).WithLocation(0).WithArguments(kind, hint));
        }

        [Fact]
        public Task A_long_password_in_a_named_constant_shows_no_characters()
        {
            var source = SecretSources.InClass("""private const string DbPassword = {|#0:"Wh4rfR4t!Wh4rfR4t!xx"|};""");
            return NamedVerify.VerifyAnalyzerAsync(source, NamedVerify.Diagnostic(Descriptors.CredentialInNamedSymbol).WithLocation(0).WithArguments("DbPassword", "\u2026(20 chars)"));
        }

        [Fact]
        public Task A_token_in_a_configuration_file_shows_its_prefix_and_a_long_password_shows_none()
        {
            var test = new ConfigurationVerify.Test { TestCode = "class C { }" };
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", FakeSecrets.Expand(
                """{ "GitHub": { "Token": "{|#0:%%GITHUB%%|}" }, "Db": { "Password": "{|#1:Wh4rfR4t!Wh4rfR4t!xx|}" } }""")));
            test.ExpectedDiagnostics.Add(ConfigurationVerify.Diagnostic(Descriptors.SecretInConfigurationFile).WithLocation(0).WithArguments("GitHub:Token", "appsettings.json", "GitHub token, ghp_\u2026(40 chars)"));
            test.ExpectedDiagnostics.Add(ConfigurationVerify.Diagnostic(Descriptors.SecretInConfigurationFile).WithLocation(1).WithArguments("Db:Password", "appsettings.json", "password, \u2026(20 chars)"));
            return test.RunAsync();
        }
    }
}
