namespace Palisade.Testing.Generator
{
    /// <summary>
    /// A resource-like message class: long sentences, format placeholders, HTML fragments, e-mail addresses and
    /// help links. Prose that mentions passwords and tokens without holding one.
    /// </summary>
    internal static class MessagesTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Noun}Messages{f.Suffix}";
            f.Append($$"""
                namespace {{f.Namespace}}
                {
                    public static class {{type}}
                    {
                """);
            while (f.Lines < targetLines - 2)
            {
                f.Append(Message(f), 2);
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Messages");
        }

        private static string Message(FileContext f)
        {
            var n = f.NextMember();
            var noun = f.Noun.ToLowerInvariant();
            return f.Random.Next(8) switch
            {
                0 => $"public static string {f.Noun}NotFound{n} => \"The {noun} {{0}} could not be found. Check the number and try again, or contact support.\";",
                1 => $"public static string PasswordExpired{n} => \"Your password expired on {{0:d}}. Choose a new password of at least {f.Random.Next(8, 16)} characters.\";",
                2 => $"public static string ContactUs{n} => \"Questions? Write to support{n}@contoso.example<br>or call us between 9:00 and 17:00.\";",
                3 => $"public static string HelpLink{n} => \"See https://docs.contoso.example/{f.Area.ToLowerInvariant()}/{noun}s#section-{n} for details.\";",
                4 => $"public static string Confirm{n} => \"<p>Dear {{0}},</p><p>Your {noun} <b>{{1}}</b> was updated on {{2:g}}.</p>\";",
                5 => $"public static string TokenInvalid{n} => \"The access token is invalid or has expired; sign in again to get a new token.\";",
                6 => $"public static string Quota{n} => \"You have used {{0}} of {{1}} requests this month ({{2:P0}}).\";",
                _ => $"public static string Audit{n} => \"User {{0}} changed {noun} settings: key={{1}}; old={{2}}; new={{3}}\";",
            };
        }
    }
}
