using Palisade.Analyzers.Shared;
using Xunit;

namespace Palisade.Analyzers.Tests.Secrets
{
    public class SecretNamesTests
    {
        [Theory]
        [InlineData("password", "password")]
        [InlineData("dbPassword", "password")]
        [InlineData("DB_PASSWORD", "password")]
        [InlineData("Db:Password", "password")]
        [InlineData("_smtpPwd", "pwd")]
        [InlineData("passwd", "passwd")]
        [InlineData("Passphrase", "passphrase")]
        [InlineData("ClientSecret", "secret")]
        [InlineData("ApiKey", "api key")]
        [InlineData("APIKEY", "apikey")]
        [InlineData("x-api-key", "api key")]
        [InlineData("AccessKey", "access key")]
        [InlineData("secretKey", "secret")]
        [InlineData("PrivateKey", "private key")]
        [InlineData("refresh_token", "token")]
        [InlineData("BearerToken", "token")]
        [InlineData("Credentials", "credentials")]
        [InlineData("SigningKey", "signing key")]
        [InlineData("StorageAccountKey", "account key")]
        [InlineData("Ocp-Apim-Subscription-Key", "subscription key")]
        [InlineData("MainConnectionString", "connection string")]
        [InlineData("APIk_ey", "api key")]
        [InlineData("SAS_TOKEN_2", "token")]
        [InlineData("Password2", "password")]
        [InlineData("ApiKey12", "api key")]
        public void Secret_names_are_recognised_with_the_matching_term(string name, string expectedTerm)
        {
            Assert.True(SecretNames.Default.IsSecretName(name, out var term));
            Assert.Equal(expectedTerm, term);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("userName")]
        [InlineData("passwordHash")]
        [InlineData("PasswordLength")]
        [InlineData("tokenEndpoint")]
        [InlineData("TokenType")]
        [InlineData("ApiKeyHeaderName")]
        [InlineData("SecretStore")]
        [InlineData("cacheKey")]
        [InlineData("primaryKey")]
        [InlineData("Tokenizer")]
        [InlineData("bypass")]
        [InlineData("PasswordResetUrl")]
        [InlineData("passwordPolicy")]
        [InlineData("isPasswordRequired")]
        [InlineData("APIk_eys")]
        [InlineData("pass_word")]
        [InlineData("orderTotal")]
        [InlineData("TokenIssuer")]
        [InlineData("TokenIssuer7")]
        [InlineData("PASSWORD_RESET_ROUTE_2")]
        [InlineData("JwtTokenAudience")]
        [InlineData("RefreshTokenPrefix")]
        [InlineData("ResetPasswordRoute")]
        [InlineData("SECRET_KEYWORD")]
        public void Metadata_about_secrets_and_unrelated_names_are_not_secret(string? name)
        {
            Assert.False(SecretNames.Default.IsSecretName(name, out _));
        }

        [Fact]
        public void Extra_terms_extend_the_default_list()
        {
            var names = SecretNames.WithExtraTerms(new[] { "pin code", "otp" });
            Assert.True(names.IsSecretName("userPinCode", out var term));
            Assert.Equal("pin code", term);
            Assert.True(names.IsSecretName("otp", out _));
            Assert.True(names.IsSecretName("dbPassword", out _));
            Assert.False(SecretNames.Default.IsSecretName("userPinCode", out _));
        }

        [Fact]
        public void No_extra_terms_gives_the_shared_default_instance()
        {
            Assert.Same(SecretNames.Default, SecretNames.WithExtraTerms(System.Array.Empty<string>()));
        }
    }
}
