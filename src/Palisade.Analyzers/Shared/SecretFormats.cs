using System;
using System.Collections.Immutable;

namespace Palisade.Analyzers.Shared
{
    /// <summary>A secret found by its format: what kind it is, and where it sits in the scanned text.</summary>
    internal readonly struct SecretFormatMatch
    {
        public SecretFormatMatch(string kind, int start, int length, int publicPrefixLength = 0)
        {
            Kind = kind;
            Start = start;
            Length = length;
            PublicPrefixLength = publicPrefixLength;
        }

        public string Kind { get; }

        /// <summary>
        /// How many leading characters of the match are the format's published prefix ("ghp_", "AKIA", "sk_live_"),
        /// safe to show in a message; 0 for formats without one (storage keys, SAS signatures, PEM bodies).
        /// </summary>
        public int PublicPrefixLength { get; }

        public int Start { get; }

        public int Length { get; }
    }

    /// <summary>
    /// Recognises tokens and keys whose format gives them away: a vendor prefix plus a body of fixed length and
    /// character set (AWS key ids, GitHub, Slack, Stripe live keys, Google API keys, SendGrid, Twilio, npm, NuGet,
    /// OpenAI-style keys...), PEM private-key blocks, JWTs and Azure storage keys / SAS signatures. Each format is
    /// checked for length and charset, so "ghp_" in a sentence or a PEM header without a body is not a match.
    /// Hand-written matchers, no regular expressions: every string literal of a compilation goes through here.
    /// </summary>
    internal static class SecretFormats
    {
        /// <summary>Nothing shorter can hold any of the formats; the cheapest filter comes first.</summary>
        public const int ShortestFormat = 20;

        private const string Alnum = "a";
        private const string UpperAlnum = "A";
        private const string UrlSafe = "u";
        private const string LowerHex = "x";
        private const string AnyHex = "X";
        private const string LowerAlnum = "l";
        private const string Letters = "L";
        private const string SlackBody = "s";
        private const string SendGridBody = "g";

        private sealed class PrefixedFormat
        {
            public PrefixedFormat(string kind, string[] prefixes, string charset, int minBody, int maxBody, Func<string, bool>? check = null)
            {
                Kind = kind;
                Prefixes = prefixes;
                Charset = charset;
                MinBody = minBody;
                MaxBody = maxBody;
                Check = check;
            }

            public string Kind { get; }

            public string[] Prefixes { get; }

            public string Charset { get; }

            public int MinBody { get; }

            public int MaxBody { get; }

            public Func<string, bool>? Check { get; }
        }

        private static readonly ImmutableArray<PrefixedFormat> Prefixed = ImmutableArray.Create(
            new PrefixedFormat("AWS access key id", new[] { "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA" }, UpperAlnum, 16, 16, body => HasDigit(body)),
            new PrefixedFormat("GitHub token", new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" }, Alnum, 36, 36),
            new PrefixedFormat("GitHub fine-grained token", new[] { "github_pat_" }, UrlSafe, 70, 120),
            new PrefixedFormat("GitLab token", new[] { "glpat-" }, UrlSafe, 20, 60),
            new PrefixedFormat("Slack token", new[] { "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-" }, SlackBody, 20, 200, body => Count(body, '-') >= 2 && HasDigit(body)),
            new PrefixedFormat("Slack webhook URL", new[] { "hooks.slack.com/services/" }, SlackBody, 20, 120, body => Count(body, '/') >= 2),
            new PrefixedFormat("Stripe live key", new[] { "sk_live_", "rk_live_" }, Alnum, 20, 120),
            new PrefixedFormat("Google API key", new[] { "AIza" }, UrlSafe, 35, 35),
            new PrefixedFormat("SendGrid API key", new[] { "SG." }, SendGridBody, 66, 66, body => body[22] == '.' && Count(body, '.') == 1),
            new PrefixedFormat("Twilio API key", new[] { "SK" }, LowerHex, 32, 32, body => HasDigit(body) && HasLetter(body)),
            new PrefixedFormat("npm token", new[] { "npm_" }, Alnum, 36, 36),
            new PrefixedFormat("NuGet API key", new[] { "oy2" }, LowerAlnum, 43, 43),
            new PrefixedFormat("Anthropic API key", new[] { "sk-ant-" }, UrlSafe, 80, 200),
            new PrefixedFormat("OpenAI API key", new[] { "sk-proj-", "sk-svcacct-", "sk-admin-" }, UrlSafe, 40, 250),
            new PrefixedFormat("OpenAI API key", new[] { "sk-" }, Alnum, 32, 64, body => body.IndexOf("T3BlbkFJ", StringComparison.Ordinal) >= 0 || MixedCaseAndDigits(body)),
            new PrefixedFormat("Hugging Face token", new[] { "hf_" }, Letters, 34, 34, MixedCase),
            new PrefixedFormat("PyPI token", new[] { "pypi-AgEIcHlwaS5vcmc" }, UrlSafe, 50, 250),
            new PrefixedFormat("DigitalOcean token", new[] { "dop_v1_", "doo_v1_" }, LowerHex, 64, 64),
            new PrefixedFormat("Shopify token", new[] { "shpat_", "shpca_", "shppa_", "shpss_" }, AnyHex, 32, 32));

        /// <summary>
        /// Shortest contiguous run of token characters (see <see cref="LiteralShape.LongestTokenRun"/>) that any
        /// format but PEM needs: an AWS key id, 4 + 16 characters.
        /// </summary>
        private const int ShortestRun = 20;

        /// <summary>
        /// The cheap first gate, from the one pass <see cref="LiteralShape"/> made: long enough, and either a run of
        /// token characters as long as the shortest format or a PEM dash line. Exact: no text failing it holds a match.
        /// </summary>
        public static bool MayContain(in LiteralShape shape) =>
            shape.Length >= ShortestFormat && (shape.LongestTokenRun >= ShortestRun || shape.HasDashLine);

        /// <summary>
        /// The second gate: does any format's anchor (a prefix, "-----BEGIN ", "eyJ", "AccountKey=",
        /// "SharedAccessKey=", "sig=") occur at all? A table indexed by the first character keeps it to one pass with a
        /// few comparisons at the positions whose character can start an anchor.
        /// </summary>
        public static bool HasAnchor(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= 128)
                {
                    continue;
                }

                var anchors = AnchorsByFirstCharacter[c];
                if (anchors is null)
                {
                    continue;
                }

                foreach (var anchor in anchors)
                {
                    if (i + anchor.Text.Length <= text.Length &&
                        string.Compare(text, i, anchor.Text, 0, anchor.Text.Length, anchor.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// <see cref="HasAnchor"/> on raw source characters, erring towards "maybe": any character outside ASCII
        /// answers true, since a case-insensitive comparison of such a character is not settled by ASCII folding.
        /// </summary>
        public static bool MayHoldAnchor(char[] buffer, int start, int count)
        {
            var text = new ArrayChars(buffer);
            var end = start + count;
            if (AsciiText.HasNonAscii(text, start, end))
            {
                return true;
            }

            for (var i = start; i < end; i++)
            {
                var anchors = AnchorsByFirstCharacter[buffer[i]];
                if (anchors is null)
                {
                    continue;
                }

                foreach (var anchor in anchors)
                {
                    if (i + anchor.Text.Length <= end && AsciiText.StartsWith(text, i, anchor.Text, anchor.IgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Finds the first known secret format in <paramref name="text"/>.</summary>
        public static bool TryFind(string? text, out SecretFormatMatch match)
        {
            match = default;
            if (text is null || !MayContain(LiteralShape.Of(text)))
            {
                return false;
            }

            return TryFindAfterShapeCheck(text, out match);
        }

        /// <summary><see cref="TryFind"/> for a caller that already checked <see cref="MayContain"/> on the text's shape.</summary>
        public static bool TryFindAfterShapeCheck(string text, out SecretFormatMatch match)
        {
            match = default;
            if (!HasAnchor(text))
            {
                return false;
            }

            foreach (var format in Prefixed)
            {
                foreach (var prefix in format.Prefixes)
                {
                    if (TryFindPrefixed(text, format, prefix, out match))
                    {
                        return true;
                    }
                }
            }

            return TryFindPem(text, out match) || TryFindJwt(text, out match) || TryFindAzureKey(text, out match) || TryFindSasSignature(text, out match);
        }

        private static bool TryFindPrefixed(string text, PrefixedFormat format, string prefix, out SecretFormatMatch match)
        {
            match = default;
            var from = 0;
            while (from < text.Length)
            {
                var start = text.IndexOf(prefix, from, StringComparison.Ordinal);
                if (start < 0)
                {
                    return false;
                }

                from = start + 1;

                // A token starts at a word boundary: "XAKIA..." or "mask_ghp_..." is not the token.
                if (start > 0 && char.IsLetterOrDigit(text[start - 1]) && !prefix.StartsWith("hooks.", StringComparison.Ordinal))
                {
                    continue;
                }

                var bodyStart = start + prefix.Length;
                var end = bodyStart;
                while (end < text.Length && end - bodyStart <= format.MaxBody && InCharset(text[end], format.Charset))
                {
                    end++;
                }

                var bodyLength = end - bodyStart;
                if (bodyLength < format.MinBody || bodyLength > format.MaxBody)
                {
                    continue;
                }

                if (IsPublishedExampleAt(text, start, end) || DistinctCharacters(text, bodyStart, bodyLength) < 6)
                {
                    continue;
                }

                if (format.Check is null || format.Check(text.Substring(bodyStart, bodyLength)))
                {
                    match = new SecretFormatMatch(format.Kind, start, end - start, prefix.Length);
                    return true;
                }
            }

            return false;
        }

        /// <summary>A PEM private-key header followed by a real body; a header constant used by PEM parsing code is not a key.</summary>
        private static bool TryFindPem(string text, out SecretFormatMatch match)
        {
            match = default;
            var start = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
            while (start >= 0)
            {
                var headerEnd = text.IndexOf("-----", start + 11, StringComparison.Ordinal);
                if (headerEnd < 0)
                {
                    return false;
                }

                var label = text.Substring(start + 11, headerEnd - start - 11);
                if (label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) || label.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal))
                {
                    var bodyChars = 0;
                    var i = headerEnd + 5;
                    for (; i < text.Length && text[i] != '-'; i++)
                    {
                        var c = text[i];
                        if (IsBase64(c))
                        {
                            bodyChars++;
                        }
                    }

                    if (bodyChars >= 64)
                    {
                        match = new SecretFormatMatch("private key", start, i - start);
                        return true;
                    }
                }

                start = text.IndexOf("-----BEGIN ", headerEnd, StringComparison.Ordinal);
            }

            return false;
        }

        /// <summary>Three base64url parts, the first two JSON objects ("eyJ" is base64 for "{\""), and a signature.</summary>
        private static bool TryFindJwt(string text, out SecretFormatMatch match)
        {
            match = default;
            var start = text.IndexOf("eyJ", StringComparison.Ordinal);
            while (start >= 0)
            {
                var headerEnd = SkipCharset(text, start, UrlSafe);
                if (headerEnd - start >= 12 && headerEnd + 3 < text.Length && text[headerEnd] == '.' &&
                    string.CompareOrdinal(text, headerEnd + 1, "eyJ", 0, 3) == 0)
                {
                    var payloadEnd = SkipCharset(text, headerEnd + 1, UrlSafe);
                    if (payloadEnd - headerEnd - 1 >= 12 && payloadEnd < text.Length && text[payloadEnd] == '.')
                    {
                        var signatureEnd = SkipCharset(text, payloadEnd + 1, UrlSafe);
                        if (signatureEnd - payloadEnd - 1 >= 16)
                        {
                            match = new SecretFormatMatch("JSON Web Token", start, signatureEnd - start, 3);
                            return true;
                        }
                    }
                }

                start = text.IndexOf("eyJ", start + 3, StringComparison.Ordinal);
            }

            return false;
        }

        /// <summary>"AccountKey=..." (storage) and "SharedAccessKey=..." (Service Bus, Event Hubs) with a base64 key.</summary>
        private static bool TryFindAzureKey(string text, out SecretFormatMatch match)
        {
            // The storage emulator's account and key are published in Microsoft's documentation.
            if (text.IndexOf("devstoreaccount1", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("Eby8vdM02xNOcqFl", StringComparison.Ordinal) >= 0)
            {
                match = default;
                return false;
            }

            return TryFindKeyValue(text, "AccountKey=", "Azure storage account key", 40, out match) ||
                   TryFindKeyValue(text, "SharedAccessKey=", "Azure shared access key", 40, out match);
        }

        /// <summary>A shared access signature: "sig=" with a signature, in text that also carries SAS fields (sv, sp, se).</summary>
        private static bool TryFindSasSignature(string text, out SecretFormatMatch match)
        {
            match = default;
            if (text.IndexOf("sv=", StringComparison.Ordinal) < 0 && text.IndexOf("sp=", StringComparison.Ordinal) < 0 &&
                text.IndexOf("se=", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            return TryFindKeyValue(text, "sig=", "Azure SAS signature", 30, out match);
        }

        private static bool TryFindKeyValue(string text, string key, string kind, int minimum, out SecretFormatMatch match)
        {
            match = default;
            var at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                var valueStart = at + key.Length;
                var end = valueStart;
                while (end < text.Length && (IsBase64(text[end]) || text[end] == '%' || text[end] == '='))
                {
                    end++;
                }

                var value = text.Substring(valueStart, end - valueStart);
                if (value.Length >= minimum && HasDigit(value) && HasLetter(value) && !SecretValues.IsPublishedExample(value))
                {
                    match = new SecretFormatMatch(kind, valueStart, end - valueStart);
                    return true;
                }

                at = text.IndexOf(key, valueStart, StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }

        private static int SkipCharset(string text, int start, string charset)
        {
            var i = start;
            while (i < text.Length && InCharset(text[i], charset))
            {
                i++;
            }

            return i;
        }

        private static bool InCharset(char c, string charset)
        {
            var asciiLetterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            switch (charset)
            {
                case Alnum: return asciiLetterOrDigit;
                case UpperAlnum: return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                case UrlSafe: return asciiLetterOrDigit || c == '_' || c == '-';
                case LowerHex: return (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9');
                case AnyHex: return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9');
                case LowerAlnum: return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                case Letters: return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                case SlackBody: return asciiLetterOrDigit || c == '-' || c == '/';
                case SendGridBody: return asciiLetterOrDigit || c == '_' || c == '-' || c == '.';
                default: return false;
            }
        }

        private static bool IsBase64(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';

        /// <summary>"ghp_XXXXXXXX..." in documentation is a mask, not a token: real bodies use many different characters.</summary>
        private static int DistinctCharacters(string text, int start, int length)
        {
            // Bodies are ASCII (every charset above is), so two 64-bit masks record what was seen without allocating.
            ulong low = 0, high = 0;
            var count = 0;
            for (var i = start; i < start + length && count < 6; i++)
            {
                var c = text[i];
                if (c >= 128)
                {
                    continue;
                }

                ref var mask = ref c < 64 ? ref low : ref high;
                var bit = 1UL << (c & 63);
                if ((mask & bit) == 0)
                {
                    mask |= bit;
                    count++;
                }
            }

            return count;
        }

        /// <summary><see cref="SecretValues.IsPublishedExample"/> for text[start..end) without cutting it out.</summary>
        private static bool IsPublishedExampleAt(string text, int start, int end)
        {
            const string Example = "EXAMPLE";
            const string ExampleKey = "EXAMPLEKEY";
            return (end - start >= Example.Length && string.CompareOrdinal(text, end - Example.Length, Example, 0, Example.Length) == 0) ||
                   (end - start >= ExampleKey.Length && text.IndexOf(ExampleKey, start, end - start, StringComparison.Ordinal) >= 0);
        }

        private sealed class Anchor
        {
            public Anchor(string text, bool ignoreCase)
            {
                Text = text;
                IgnoreCase = ignoreCase;
            }

            public string Text { get; }

            public bool IgnoreCase { get; }
        }

        /// <summary>For each ASCII character, the anchors that start with it (null for most characters).</summary>
        private static readonly Anchor[]?[] AnchorsByFirstCharacter = CreateAnchorTable();

        private static Anchor[]?[] CreateAnchorTable()
        {
            var anchors = new System.Collections.Generic.List<Anchor>();
            foreach (var format in Prefixed)
            {
                foreach (var prefix in format.Prefixes)
                {
                    anchors.Add(new Anchor(prefix, ignoreCase: false));
                }
            }

            anchors.Add(new Anchor("-----BEGIN ", ignoreCase: false));
            anchors.Add(new Anchor("eyJ", ignoreCase: false));
            anchors.Add(new Anchor("sig=", ignoreCase: true));
            anchors.Add(new Anchor("AccountKey=", ignoreCase: true));
            anchors.Add(new Anchor("SharedAccessKey=", ignoreCase: true));

            var table = new Anchor[]?[128];
            foreach (var anchor in anchors)
            {
                var first = anchor.Text[0];
                var starts = anchor.IgnoreCase ? new[] { char.ToLowerInvariant(first), char.ToUpperInvariant(first) } : new[] { first };
                foreach (var c in starts)
                {
                    var existing = table[c] ?? Array.Empty<Anchor>();
                    if (Array.IndexOf(existing, anchor) < 0)
                    {
                        var grown = new Anchor[existing.Length + 1];
                        existing.CopyTo(grown, 0);
                        grown[existing.Length] = anchor;
                        table[c] = grown;
                    }
                }
            }

            return table;
        }

        private static int Count(string text, char c)
        {
            var count = 0;
            foreach (var x in text)
            {
                if (x == c)
                {
                    count++;
                }
            }

            return count;
        }

        private static bool HasDigit(string text)
        {
            foreach (var c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasLetter(string text)
        {
            foreach (var c in text)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MixedCase(string text)
        {
            bool upper = false, lower = false;
            foreach (var c in text)
            {
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
            }

            return upper && lower;
        }

        private static bool MixedCaseAndDigits(string text) => MixedCase(text) && HasDigit(text);
    }
}
