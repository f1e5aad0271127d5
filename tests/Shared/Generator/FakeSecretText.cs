using System.Text;

namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Random words and secret-shaped values for generated code and configuration files. Prefixes are joined at
    /// run time, so this repository's own source holds no literal that a secret scanner would stop on.
    /// </summary>
    internal static class FakeSecretText
    {
        private const string Mixed = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

        public static string Word(FileContext f, int length) => From(f, Mixed, length);

        /// <summary>A password-looking value: letters, digits and one symbol.</summary>
        public static string Password(FileContext f) => Word(f, 8 + f.Random.Next(6)) + f.Pick("!", "#", "$", "%") + f.Random.Next(10, 99);

        /// <summary>A token in one of the formats PAL2002 knows, or a JSON Web Token.</summary>
        public static string Token(FileContext f) => f.Random.Next(5) switch
        {
            0 => string.Concat("gh", "p_", Word(f, 36)),
            1 => string.Concat("AK", "IA", From(f, Upper, 15), "7"),
            2 => string.Concat("xo", "xb-", f.Random.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture), "-", Word(f, 24)),
            3 => string.Concat("sk", "_live_", Word(f, 28)),
            _ => string.Concat("ey", "J", Word(f, 30), ".ey", "J", Word(f, 40), ".", Word(f, 32)),
        };

        private static string From(FileContext f, string alphabet, int length)
        {
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[f.Random.Next(alphabet.Length)]);
            }

            return builder.ToString();
        }
    }
}
