namespace Palisade.Testing.Generator
{
    /// <summary>
    /// HTTP clients that set headers, build URLs and send JSON. A few put a token or a password in the URL.
    /// </summary>
    internal static class HttpClientTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Noun}ApiClient{f.Suffix}";
            f.Append($$"""
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using System.Text;
                using System.Threading.Tasks;

                namespace {{f.Namespace}}
                {
                    public sealed class {{type}}
                    {
                        private readonly HttpClient _client;

                        public {{type}}(HttpClient client)
                        {
                            _client = client;
                            _client.BaseAddress = new Uri("https://api.{{f.Area.ToLowerInvariant()}}.contoso.example/v2/");
                            _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                            _client.DefaultRequestHeaders.Add("User-Agent", "Contoso-{{f.Area}}/1.0");
                        }

                """);
            while (f.Lines < targetLines - 2)
            {
                f.Member(Method(f));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "ApiClient");
        }

        private static string Method(FileContext f)
        {
            var n = f.NextMember();
            var noun = f.Noun.ToLowerInvariant();
            var secret = f.Chance(5);
            return f.Random.Next(3) switch
            {
                0 => $$"""
                    public async Task<string> Get{{n}}(int id, string token)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, "{{noun}}s/" + id + "?include=lines&format=json");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {{(secret ? "\"" + FakeSecretText.Token(f) + "\"" : "token")}});
                        request.Headers.Add("X-Api-Version", "2024-0{{f.Random.Next(1, 9)}}-01");
                        request.Headers.Add("X-Request-Source", "{{f.Area.ToLowerInvariant()}}-worker");
                        using var response = await _client.SendAsync(request).ConfigureAwait(false);
                        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    }
                    """,
                1 => $$"""
                    public Task<HttpResponseMessage> Post{{n}}(string name, decimal amount)
                    {
                        var json = "{\"name\":\"" + name + "\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"source\":\"{{f.Area}}\"}";
                        var content = new StringContent(json, Encoding.UTF8, "application/json");
                        return _client.PostAsync("{{noun}}s/{{n}}/charges?idempotent=true", content);
                    }
                    """,
                _ => $$"""
                    public Uri Feed{{n}}(string user) => new Uri({{(secret ? $"\"ftp://backup:{FakeSecretText.Password(f)}@files.contoso.example/{noun}\"" : $"\"https://files.contoso.example/{noun}/\" + Uri.EscapeDataString(user) + \"/feed.xml\"")}});
                    """,
            };
        }
    }
}
