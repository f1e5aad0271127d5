using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// The labelled cases of the secrets family: class members marked with <c>{|#0:...|}</c> where the rule must
    /// report, and look-alikes where it must stay quiet. The rule tests, the corpus test (precision/recall) and
    /// the leak test all read these lists. <c>%%NAME%%</c> stands for a fabricated token (<see cref="FakeSecrets"/>).
    /// </summary>
    public static class SecretCases
    {
        public static readonly string[] CredentialNamedFlagged =
        {
            """void M() { var password = {|#0:"Tr0ub4dor&3"|}; }""",
            """private const string DbPassword = {|#0:"s3cr3t-Pa55"|};""",
            """private static readonly string ApiKey = {|#0:"a8f5f167f44f4964e6c998dee827110c"|};""",
            """public string ClientSecret { get; set; } = {|#0:"Qm9vbTEyMzQ1Njc4OQ"|};""",
            """public string Token => {|#0:"tok-7d9f0a1b2c"|};""",
            """string GetPassword() { return {|#0:"letmein42"|}; }""",
            """void M(Settings s) { s.Password = {|#0:"hunter2hunter2"|}; }""",
            """object M() => new SqlConnectionStringBuilder { DataSource = "db", Password = {|#0:"Sql!Pass123"|} };""",
            """object M() => new { UserName = "app", Password = {|#0:"anonPass99"|} };""",
            """void M() { var c = new NetworkCredential("svc", {|#0:"NetPass#2024"|}); }""",
            """void M() { var c = new NetworkCredential(userName: "svc", password: {|#0:"NetPass#2025"|}); }""",
            """void M() { var cert = new X509Certificate2("cert.pfx", {|#0:"pfxPassw0rd"|}); }""",
            """void M() { var kdf = new Rfc2898DeriveBytes({|#0:"kdfPhr4se#1"|}, new byte[16], 100000, HashAlgorithmName.SHA256); }""",
            """void M(HttpClient client) { client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|#0:"b7e1c3d9f0a24e6b"|}); }""",
            """void M(HttpClient client) { client.DefaultRequestHeaders.Add("Authorization", {|#0:"Basic dXNlcjpwYXNzd29yZA"|}); }""",
            """void M(HttpClient client) { client.DefaultRequestHeaders.Add("X-Api-Key", {|#0:"k9x8c7v6b5n4m3"|}); }""",
            """void M(HttpRequestMessage request) { request.Headers.TryAddWithoutValidation("Ocp-Apim-Subscription-Key", {|#0:"f00dbabe1234cafe"|}); }""",
            """void M(Dictionary<string, string> d) { d["password"] = {|#0:"dictPass77"|}; }""",
            """void M() { var d = new Dictionary<string, string> { ["client_secret"] = {|#0:"initSecret5"|} }; }""",
            """void M() { Environment.SetEnvironmentVariable("DB_PASSWORD", {|#0:"envPass123"|}); }""",
            """void Login(string password) { if (password == {|#0:"backd00r!"|}) { } }""",
            """bool Check(string apiKey) => apiKey.Equals({|#0:"cmp-key-9921"|});""",
            """void M() { string? secret = Environment.GetEnvironmentVariable("S") ?? {|#0:"fallbackS3cret"|}; }""",
            """void M() { var hmac = new HMACSHA256(Encoding.UTF8.GetBytes({|#0:"hmac-signing-material-2024"|})); }""",
            """void M() { using var aes = Aes.Create(); aes.Key = Convert.FromBase64String({|#0:"q83vEjRWeJq83vEjRWeJq83vEjRWeJq8"|}); }""",
            """private string _privateKey = {|#0:"MIIEvQIBADANBgkqhkiG9w0B"|};""",
            """void M() { const string signingKey = {|#0:"sig-k3y-material"|}; }""",
            """void Connect(string password = {|#0:"defaultPw1"|}) { }""",
            """void M() { string dbPwd = {|#0:"pwd-7781"|}; }""",
            """void M() { var auth_token = {|#0:"at_5f2e8c1d"|}; }""",
            """void M() { var kv = new KeyValuePair<string, string>("client_secret", {|#0:"kvSecret42"|}); }""",
            """private const string AdminPassword = {|#0:"adm" + "in!2024"|};""",
            """private const string JwtKey = {|#0:"Zx9Qm2Lp7Vt4Rk8Wn3Hs6Jd1"|};""",
            """void M() { var s = new Settings { ApiSecret = {|#0:"opt-secret-01"|} }; }""",
            """string GetPassword(bool production) => production ? {|#0:"prodPass!1"|} : {|#1:"devPass!1"|};""",
            """void M() { string passphrase; passphrase = {|#0:"correct-horse-battery"|}; }""",
            """void M() { var refreshToken = {|#0:"rt.Z3kq9Lm2"|}; }""",
            """private readonly string smtpPassword = {|#0:"mailPw#77"|};""",
            """void M() { var mysqlPassword = {|#0:"mysecretpassword"|}; }""",
            """void M() { var pwd = {|#0:"sa2019!"|}; }""",
        };

        public static readonly string[] CredentialNamedSafe =
        {
            """const string PasswordLabel = "Password";""",
            """void M() { var password = "Enter your password"; }""",
            """void M() { var passwordError = "Invalid password"; }""",
            """const string PasswordKey = "Db:Password";""",
            """const string ApiKeyVariable = "API_KEY";""",
            """void M() { var password = Environment.GetEnvironmentVariable("DB_PASSWORD"); }""",
            """void M(IConfiguration configuration) { string? password = configuration["Db:Password"]; }""",
            """void M() { var password = ""; }""",
            """void M() { var password = "   "; }""",
            """void M() { string? password = null; }""",
            """void M() { var token = "{0}"; }""",
            """void M() { var password = "<password>"; }""",
            """void M() { var password = "${DB_PASSWORD}"; }""",
            """void M() { var password = "%(Password)"; }""",
            """void M() { var secret = "$(ClientSecret)"; }""",
            """void M() { var secret = "#{ClientSecret}#"; }""",
            """void M() { var apiKey = "__API_KEY__"; }""",
            """void M() { var password = "changeme"; }""",
            """public string? Password { get; set; } string PasswordProperty() => nameof(Password);""",
            """void M() { var password = @"^(?=.*[a-z])(?=.*\d)[A-Za-z\d]{8,}$"; }""",
            """void M() { var password = "********"; }""",
            """void M() { string passwordHash = "AQAAAAEAACcQAAAAEJ2bW1hY"; }""",
            """const string TokenEndpoint = "https://login.example.com/oauth2/token";""",
            """void M() { var cacheKey = "user-profile-cache-v2"; }""",
            """void M() { var sortKey = "LastName"; }""",
            """void M(HttpClient client, string accessToken) { client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken); }""",
            """void M(HttpClient client) { client.DefaultRequestHeaders.Add("Accept", "application/json"); }""",
            """void M(Dictionary<string, string> d) { d["username"] = "admin"; }""",
            """void Login(string password) { if (password == null || password == "") { } }""",
            """void M() { var privateKey = "keys/private.pem"; }""",
            """void M() { var tokenType = "Bearer"; }""",
            """void M() { var password = "password"; }""",
            """void M() { var connectionString = "Server=.;Database=App;Integrated Security=true"; }""",
            """public string Password { get; set; } = string.Empty;""",
            """void M() { var apiKeyHeader = "X-Api-Key"; }""",
            """void M() { var accessKey = "AKIAIOSFODNN7EXAMPLE"; }""",
            """void M() { var password = "%DB_PASSWORD%"; }""",
            """void M() { var credentials = "{{credentials}}"; }""",
            """void M() { var jwtKey = "Jwt:SigningKey"; }""",
            """void M(CancellationToken token) { var x = token; var name = "token"; }""",
            """void M() { var resetPasswordUrl = "https://app/reset?x=1"; }""",
            """void M() { var passwordMinLength = "12"; }""",
            """void M() { var apiKey = "your-api-key-here"; }""",
            """void M(HttpClient client) { client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "<token>"); }""",
            """void M(Dictionary<string, int> cache) { cache.TryGetValue("a8f5f167f44f4964e6c998dee827110cZ9", out _); }""",
            """void M(IConfiguration configuration) { var issuer = configuration["Jwt:Issuer"]; var key = configuration["Jwt:Key"]; }""",
            """void M() { var token = "Bearer"; }""",
            """void M(string password) { if (password.Length < 8 || password == "   ") { } }""",
            """public const string PasswordResetTokenPurpose = "ResetPassword";""",
        };

        public static readonly string[] KnownFormatFlagged =
        {
            """void M() { var id = {|#0:"%%AWS%%"|}; }""",
            """const string Owner = {|#0:"%%GITHUB%%"|};""",
            """void M() { var x = {|#0:"%%GITHUB_OAUTH%%"|}; }""",
            """void M() { var x = {|#0:"%%GITHUB_PAT%%"|}; }""",
            """void M() { var x = {|#0:"%%GITLAB%%"|}; }""",
            """void M() { var x = {|#0:"%%SLACK%%"|}; }""",
            """void M() { var hook = new Uri({|#0:"%%SLACK_HOOK%%"|}); }""",
            """void M() { var x = {|#0:"%%STRIPE%%"|}; }""",
            """void M() { var x = {|#0:"%%STRIPE_RESTRICTED%%"|}; }""",
            """void M() { var x = {|#0:"%%GOOGLE%%"|}; }""",
            """void M() { var x = {|#0:"%%SENDGRID%%"|}; }""",
            """void M() { var x = {|#0:"%%TWILIO%%"|}; }""",
            """void M() { var x = {|#0:"%%NPM%%"|}; }""",
            """void M() { var x = {|#0:"%%NUGET%%"|}; }""",
            """void M() { var x = {|#0:"%%OPENAI%%"|}; }""",
            """void M() { var x = {|#0:"%%OPENAI_LEGACY%%"|}; }""",
            """void M() { var x = {|#0:"%%ANTHROPIC%%"|}; }""",
            """void M() { var x = {|#0:"%%HUGGINGFACE%%"|}; }""",
            """void M() { var x = {|#0:"%%DIGITALOCEAN%%"|}; }""",
            """void M() { var x = {|#0:"%%SHOPIFY%%"|}; }""",
            """void M() { var x = {|#0:"DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=%%AZURE_ACCOUNT_KEY%%;EndpointSuffix=core.windows.net"|}; }""",
            """void M() { var x = {|#0:"https://prodstore.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=%%SAS_SIG%%"|}; }""",
            """void M() { var x = {|#0:"-----BEGIN RSA PRIVATE KEY-----\n%%PEM_BODY%%\n-----END RSA PRIVATE KEY-----"|}; }""",
            """void M() { var x = {|#0:"%%JWT%%"|}; }""",
            """void M(HttpClient c) { c.DefaultRequestHeaders.Add("Authorization", {|#0:"Bearer %%GITHUB%%"|}); }""",
            """void M(string user) { var x = $"{user}{|#0::%%NPM%%|}"; }""",
            """[Obsolete({|#0:"%%STRIPE%%"|})] void M() { }""",
            """"void M() { var x = {|#0:"""%%GOOGLE%%"""|}; }"""",
            """void M() { var x = {|#0:@"%%SLACK%%"|}; }""",
            """void M(int n) { switch (n.ToString()) { case {|#0:"%%NUGET%%"|}: break; } }""",
        };

        public static readonly string[] KnownFormatSafe =
        {
            """void M() { var id = "AKIAIOSFODNN7EXAMPLE"; }""",
            """void M() { var prefix = "ghp_"; var sample = "ghp_abc"; }""",
            """const string PemHeader = "-----BEGIN PRIVATE KEY-----";""",
            """void M() { var pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB\n-----END PUBLIC KEY-----"; }""",
            """void M() { var stripeTest = "sk_test_" + "abc"; var doc = "sk_test_placeholder_value_here"; }""",
            """void M() { var google = "AIzaShort"; }""",
            """void M() { var part = "eyJhbGciOiJIUzI1NiJ9"; }""",
            """void M() { var slack = "xoxb-your-token"; }""",
            """void M() { var id = "SKDEADBEEF00112233445566778899AABB"; }""",
            """void M() { var random = "Zx9Qm2Lp7Vt4Rk8Wn3Hs6Jd1Zx9Qm2Lp7Vt4Rk8W"; }""",
            """void M() { var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"); }""",
            """void M() { var query = "https://x/y?sig=abc"; }""",
            """void M() { var storage = "DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=<key>;EndpointSuffix=core.windows.net"; }""",
            """void M() { var emulator = "UseDevelopmentStorage=true"; }""",
            """void M() { var sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; }""",
            """void M() { var words = "askia maskia tasking"; }""",
            "// %%GITHUB%% in a comment is not a string literal\nvoid M() { }",
            """void M() { var text = "Use a token like ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX in docs"; }""",
        };

        public static readonly string[] ConnectionStringFlagged =
        {
            """void M() { var cs = {|#0:"Server=db;Database=App;User Id=app;Password=Pa55w0rd!;"|}; }""",
            """void M() { var cs = {|#0:"Host=pg;Username=app;Pwd=pgpass1"|}; }""",
            """void M() { var cs = {|#0:"Data Source=db;Initial Catalog=x;User ID=sa;Password='semi;colon'"|}; }""",
            """void M() { var url = new Uri({|#0:"postgres://app:pgS3cret@db.internal:5432/orders"|}); }""",
            """void M() { var url = {|#0:"amqp://guest:rabbitPw9@mq:5672/"|}; }""",
            """void M() { var url = {|#0:"mongodb://admin:m0ngoPw@mongo:27017/?authSource=admin"|}; }""",
            """void M(string host) { var cs = $"Server={host}{|#0:;User Id=app;Password=Inline9!|}"; }""",
            """void M() { var cs = {|#0:@"Server=db;Password=verb@tim1;"|}; }""",
            """void M() { var url = {|#0:"redis://:r3disPw@cache:6379"|}; }""",
            """void M() { var cs = {|#0:"Provider=Microsoft.ACE.OLEDB.12.0;Data Source=x.accdb;Jet OLEDB:Database Password=accessPw1;"|}; }""",
            """void M() { var c = new SqlConnection({|#0:"Server=db;User Id=sa;Password=sa"|}); }""",
            """void M() { var cs = {|#0:"Server=db;User Id=app;PWD=\"quoted;pw\";"|}; }""",
        };

        public static readonly string[] ConnectionStringSafe =
        {
            """void M() { var cs = "Server=.;Database=App;Integrated Security=true"; }""",
            """void M() { var cs = "Server=db;Trusted_Connection=True;"; }""",
            """void M() { var cs = "Server=db;User Id=app;Password=;"; }""",
            """void M() { var cs = "Server=db;User Id=app;Password={0};"; }""",
            """void M(string password) { var cs = $"Server=db;User Id=app;Password={password};"; }""",
            """void M() { var cs = "Server=db;Password=${DB_PASSWORD};"; }""",
            """void M() { var url = "https://example.com/path?user=a"; }""",
            """void M() { var url = "postgres://app@db/orders"; }""",
            """void M() { var cs = "Server=db;User Id=app;Password=myPassword;"; }""",
            """void M(string pw) { var cs = "Server=db;User Id=app;Password=" + pw; }""",
            """void M() { var mail = "mailto:user@example.com"; }""",
            """void M() { var cs = "Data Source=app.db"; }""",
            """void M() { var url = "https://user:<password>@host/"; }""",
            """void M() { var text = "password=secret is not allowed"; }""",
            """void M() { var url = "https://twitter.com/@someone"; }""",
        };

        public static IEnumerable<object[]> Data(string[] cases) => cases.Select(c => new object[] { c });
    }
}
