namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Test fixtures with fake secrets: placeholders, published examples, local development passwords and, now
    /// and then, a token-shaped value of a known format (PAL2002 reports those in tests too, by design).
    /// </summary>
    internal static class TestFixtureTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Noun}Fixture{f.Suffix}";
            f.Append($$"""
                using System.Collections.Generic;

                namespace {{f.Namespace}}.Tests
                {
                    public static class {{type}}
                    {
                """);
            while (f.Lines < targetLines - 2)
            {
                f.Append(Member(f), 2);
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Fixture");
        }

        private static string Member(FileContext f)
        {
            var n = f.NextMember();
            return f.Random.Next(10) switch
            {
                0 => $"public const string PlaceholderKey{n} = \"<your-api-key-here>\";",
                1 => $"public const string ExampleUser{n} = \"jane.doe{n}@example.com\";",
                2 => $"public const string LocalConnection{n} = \"Server=localhost;Database=test{n};Integrated Security=true\";",
                3 => $"public const string DockerConnection{n} = \"Host=localhost;Username=postgres;Password=postgres;Database=test{n}\";",
                4 => $"public static readonly Dictionary<string, string> Headers{n} = new() {{ [\"Accept\"] = \"text/plain\", [\"X-Test\"] = \"{n}\" }};",
                5 => $"public const string Token{n} = \"{(f.Chance(30) ? FakeSecretText.Token(f) : "test-token-" + n)}\";",
                6 => $"public const string Json{n} = \"{{\\\"id\\\":{n},\\\"name\\\":\\\"Sample {f.Noun}\\\",\\\"tags\\\":[\\\"a\\\",\\\"b\\\"]}}\";",
                7 => $"public const string Expected{n} = \"{f.Noun} {n} was saved at 2024-01-0{f.Random.Next(1, 9)}T10:00:00Z\";",
                8 => $"public const string Guid{n} = \"00000000-0000-4000-8000-{n:D12}\";",
                _ => $"public const string Lorem{n} = \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.\";",
            };
        }
    }
}
