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

        public static TheoryData<string> SplitAcrossLiterals => new TheoryData<string>(
            """void M() { var cs = {|#0:"Server=db;Database=App;" + "User Id=app;Password=Spl1tPw!"|}; }""",
            """void M() { var cs = {|#0:"Server=db;" + ("User Id=app;" + "Password=Spl1tPw!")|}; }""",
            """void M(string host) { var cs = {|#0:"Server=" + host + ";Database=App;" + "Password=Spl1tPw!"|}; }""",
            """
            const string Cs = {|#0:"Data Source=db;Initial Catalog=x;" +
                "User ID=sa;" +
                "Password=Spl1tPw!"|};
            """);

        public static TheoryData<string> SplitLookAlikes => new TheoryData<string>(
            """void M(string pw) { var cs = "Server=db;Database=App;" + "User Id=app;Password=" + pw; }""",
            """void M(string pw) { var cs = "Server=db;" + "Password=" + pw + ";Encrypt=true"; }""",
            """void M() { var cs = "Server=db;Database=App;" + "Integrated Security=true"; }""",
            """void M() { var cs = "Server=db;" + "Password={0};"; }""",
            """void M() { var text = "Password=" + "Spl1tPw!"; }""",
            """void M(int n) { var text = "Server=" + n + ";" + "Retries=" + n; }""");

        [Theory]
        [MemberData(nameof(SplitAcrossLiterals))]
        public Task Connection_string_split_across_concatenated_literals_is_reported_once_on_the_whole_concatenation(string members)
        {
            var source = SecretSources.InClass(members);
            return Verify.VerifyAnalyzerAsync(source, SecretTestSupport.ExpectedAtMarkers(source, Descriptors.CredentialInConnectionString));
        }

        [Theory]
        [MemberData(nameof(SplitLookAlikes))]
        public Task Concatenation_whose_password_is_a_variable_placeholder_or_absent_is_not_reported(string members)
        {
            return Verify.VerifyAnalyzerAsync(SecretSources.InClass(members));
        }

        public static TheoryData<string> TokenKeys => new TheoryData<string>(
            """void M() { var cs = {|#0:"Data Source=libsql://orders.turso.io;AuthToken=tUr5oTok3n9x"|}; }""",
            """void M() { var cs = {|#0:"Endpoint=https://vault.example;Credential=cr3dV4lue7"|}; }""",
            """void M() { var cs = {|#0:"Host=search;Port=9200;Access Token=acc3ssT0k9"|}; }""",
            """void M() { var cs = {|#0:"Server=api;Database=x;ClientSecret=cl13ntS3c"|}; }""");

        public static TheoryData<string> TokenKeyLookAlikes => new TheoryData<string>(
            """void M() { var cs = "Data Source=libsql://orders.turso.io;AuthToken="; }""",
            """void M() { var cs = "Data Source=libsql://orders.turso.io;AuthToken=${TURSO_TOKEN}"; }""",
            """void M() { var cs = "Server=db;Database=App;Token=true"; }""",
            """void M() { var cs = "Server=db;Database=App;Token Lifetime=30"; }""",
            """void M() { var cs = "Server=db;Database=App;Credentials=SSPI"; }""");

        [Theory]
        [MemberData(nameof(TokenKeys))]
        public Task Token_credential_and_secret_keys_count_like_passwords(string members)
        {
            var source = SecretSources.InClass(members);
            return Verify.VerifyAnalyzerAsync(source, SecretTestSupport.ExpectedAtMarkers(source, Descriptors.CredentialInConnectionString));
        }

        [Theory]
        [MemberData(nameof(TokenKeyLookAlikes))]
        public Task Token_keys_with_empty_placeholder_switch_or_other_last_word_are_not_reported(string members)
        {
            return Verify.VerifyAnalyzerAsync(SecretSources.InClass(members));
        }

        [Fact]
        public Task Url_password_with_an_apostrophe_is_read_whole()
        {
            var source = SecretSources.InClass("""void M() { var url = {|#0:"postgres://app:o'Brien9x@db.internal/orders"|}; }""");
            return Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.CredentialInConnectionString).WithLocation(0).WithArguments("URL", "\u2026(9 chars)"));
        }

        public static TheoryData<string> UrlLookAlikes => new TheoryData<string>(
            """void M() { var html = "Visit https://shop.example<br>Contact:ann@shop.example for help"; }""",
            """void M() { var html = "<a href=\"https://shop.example\">shop</a><br>Mail:orders@shop.example"; }""",
            """void M() { var sql = "SELECT * FROM Sites WHERE Url = 'https://shop.example' AND Owner = 'ann@shop.example'"; }""",
            """void M() { var text = "see ://x:y@ in the grammar"; }""",
            """void M() { var text = "ftp://user:{password}@files.example/"; }""");

        [Theory]
        [MemberData(nameof(UrlLookAlikes))]
        public Task Prose_with_a_link_an_email_address_and_markup_is_not_read_as_a_url_password(string members)
        {
            return Verify.VerifyAnalyzerAsync(SecretSources.InClass(members));
        }
    }
}
