using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// Fabricated token-shaped values, built at run time so that this repository never contains a literal that
    /// a push-protection scanner would take for a live credential. Test sources write <c>%%NAME%%</c> and
    /// <see cref="Expand"/> swaps in the value. Every value is generated from a fixed seed: deterministic, not real.
    /// </summary>
    internal static class FakeSecrets
    {
        private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        private const string Lower = "abcdefghijklmnopqrstuvwxyz";
        private const string Digits = "0123456789";
        private const string Alnum = Upper + Lower + Digits;
        private const string Hex = "0123456789abcdef";

        public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
        {
            ["AWS"] = "AK" + "IA" + Make(Upper + Digits, 16, 1),
            ["GITHUB"] = "gh" + "p_" + Make(Alnum, 36, 2),
            ["GITHUB_OAUTH"] = "gh" + "o_" + Make(Alnum, 36, 3),
            ["GITHUB_PAT"] = "github" + "_pat_" + Make(Alnum, 22, 4) + "_" + Make(Alnum, 59, 5),
            ["GITLAB"] = "glp" + "at-" + Make(Alnum, 20, 6),
            ["SLACK"] = "xo" + "xb-" + Make(Digits, 12, 7) + "-" + Make(Digits, 13, 8) + "-" + Make(Alnum, 24, 9),
            ["SLACK_HOOK"] = "https://hooks.slack.com/services/" + "T" + Make(Upper + Digits, 8, 10) + "/B" + Make(Upper + Digits, 10, 11) + "/" + Make(Alnum, 24, 12),
            ["STRIPE"] = "sk" + "_live_" + Make(Alnum, 24, 13),
            ["STRIPE_RESTRICTED"] = "rk" + "_live_" + Make(Alnum, 24, 14),
            ["GOOGLE"] = "AI" + "za" + Make(Alnum + "_-", 35, 15),
            ["SENDGRID"] = "S" + "G." + Make(Alnum, 22, 16) + "." + Make(Alnum, 43, 17),
            ["TWILIO"] = "S" + "K" + Make(Hex, 32, 18),
            ["NPM"] = "np" + "m_" + Make(Alnum, 36, 19),
            ["NUGET"] = "o" + "y2" + Make(Lower + Digits, 43, 20),
            ["OPENAI"] = "sk" + "-proj-" + Make(Alnum + "_-", 48, 21),
            ["OPENAI_LEGACY"] = "sk" + "-" + Make(Alnum, 20, 22) + "T3Blbk" + "FJ" + Make(Alnum, 20, 23),
            ["ANTHROPIC"] = "sk" + "-ant-api03-" + Make(Alnum + "_-", 93, 24),
            ["HUGGINGFACE"] = "h" + "f_" + Make(Upper + Lower, 34, 25),
            ["DIGITALOCEAN"] = "dop" + "_v1_" + Make(Hex, 64, 26),
            ["SHOPIFY"] = "shp" + "at_" + Make(Hex, 32, 27),
            ["AZURE_ACCOUNT_KEY"] = Make(Alnum + "+/", 86, 28) + "==",
            ["SAS_SIG"] = Make(Alnum, 30, 29) + "%2B" + Make(Alnum, 10, 30) + "%3D",
            ["JWT"] = "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + "ey" + "JzdWIiOiJ0ZXN0LXVzZXIiLCJuYW1lIjoiRmFrZSJ9" + "." + Make(Alnum + "_-", 43, 31),
            ["PEM_BODY"] = Make(Alnum + "+/", 64, 32) + "\\n" + Make(Alnum + "+/", 64, 33),
            ["RANDOM_KEY"] = Make(Alnum, 40, 34),
        };

        /// <summary>Replaces every <c>%%NAME%%</c> in <paramref name="template"/> with its fabricated value.</summary>
        public static string Expand(string template)
        {
            var result = template;
            foreach (var pair in Values)
            {
                result = result.Replace("%%" + pair.Key + "%%", pair.Value, StringComparison.Ordinal);
            }

            return result;
        }

        /// <summary>A deterministic pseudo-random string that always mixes letters and digits.</summary>
        private static string Make(string charset, int length, int seed)
        {
            var random = new Random(seed * 7919);
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(charset[random.Next(charset.Length)]);
            }

            // Guarantee a digit and a letter where the charset has both, so format checks that need them pass.
            if (charset.IndexOfAny(Digits.ToCharArray()) >= 0 && length > 2)
            {
                builder[1] = Digits[seed % 10];
            }

            var letters = charset.Where(char.IsLetter).ToArray();
            if (letters.Length > 0 && length > 3)
            {
                builder[2] = letters[seed % letters.Length];
            }

            if (charset.Contains('A') && charset.Contains('a') && length > 4)
            {
                builder[3] = Upper[seed % 26];
                builder[4] = Lower[seed % 26];
            }

            return builder.ToString();
        }
    }
}
