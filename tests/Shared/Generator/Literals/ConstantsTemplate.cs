namespace Palisade.Testing.Generator
{
    /// <summary>
    /// A constants class: routes, header names, cache keys, error codes, formats and patterns. Some names hold a
    /// secret word ("PasswordResetRoute") while the value is no secret: the look-alikes real code is full of.
    /// </summary>
    internal static class ConstantsTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Area}Constants{f.Suffix}";
            f.Append($$"""
                namespace {{f.Namespace}}
                {
                    public static class {{type}}
                    {
                """);
            while (f.Lines < targetLines - 2)
            {
                f.Append(Constant(f), 2);
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Area + "Constants");
        }

        private static string Constant(FileContext f)
        {
            var n = f.NextMember();
            var noun = f.Noun.ToLowerInvariant();
            return f.Random.Next(12) switch
            {
                0 => $"public const string {f.Noun}Route{n} = \"/api/v{f.Random.Next(1, 4)}/{noun}s/{{id:int}}/items\";",
                1 => $"public const string CorrelationHeader{n} = \"X-Correlation-Id-{n}\";",
                2 => $"public const string CacheKey{n} = \"{f.Area.ToLowerInvariant()}:{noun}:v{f.Random.Next(1, 9)}:\";",
                3 => $"public const string ErrorCode{n} = \"E{f.Random.Next(1000, 9999)}\";",
                4 => $"public const string DateFormat{n} = \"{f.Pick("yyyy-MM-dd", "dd/MM/yyyy HH:mm", "yyyy-MM-ddTHH:mm:ss.fffZ")}\";",
                5 => $"public const string {f.Noun}Pattern{n} = @\"^[A-Z]{{{f.Random.Next(2, 4)}}}-\\d{{{f.Random.Next(4, 8)}}}$\";",
                6 => $"public const string PasswordResetRoute{n} = \"/account/reset-password/{n}\";",
                7 => $"public const string TokenIssuer{n} = \"{f.Area.ToLowerInvariant()}-auth\";",
                8 => $"public static readonly string[] {f.Noun}Columns{n} = {{ \"Id\", \"Name\", \"CreatedAt\", \"UpdatedAt\", \"Status\" }};",
                9 => $"public const string ContentType{n} = \"application/vnd.contoso.{noun}+json; version={f.Random.Next(1, 5)}\";",
                10 => $"public const string Description{n} = \"{f.Noun} records older than {f.Random.Next(2, 30)} days are archived nightly.\";",
                _ => $"public const string SqlState{n} = \"{f.Pick("28P01", "23505", "40001", "08006")}\";",
            };
        }
    }
}
