namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// What one pass over a string's characters tells the literal rules before any real check: the longest run
    /// of token characters, whether a PEM dash line is present, and the separators connection strings and URLs
    /// need. PAL2002 (<see cref="SecretFormats.MayContain"/>) and PAL2003
    /// (<see cref="ConnectionStrings.MayContain"/>) both decide from this one pass, and most literals
    /// (words, sentences, routes, SQL, formats) are rejected here without allocating anything.
    /// </summary>
    internal readonly struct LiteralShape
    {
        private LiteralShape(int length, int longestTokenRun, bool hasDashLine, int equalsSigns, bool hasSemicolon, bool hasAt, bool hasColon)
        {
            Length = length;
            LongestTokenRun = longestTokenRun;
            HasDashLine = hasDashLine;
            EqualsSigns = equalsSigns;
            HasSemicolon = hasSemicolon;
            HasAt = hasAt;
            HasColon = hasColon;
        }

        public int Length { get; }

        /// <summary>
        /// The longest run of characters that can sit inside a token, key or signature: ASCII letters and digits
        /// and <c>_ - + / = . %</c>. Every known format but PEM is one such run of 20 or more characters.
        /// </summary>
        public int LongestTokenRun { get; }

        /// <summary>Five dashes in a row, as in "-----BEGIN": a PEM body may be split over lines, so runs say nothing there.</summary>
        public bool HasDashLine { get; }

        public int EqualsSigns { get; }

        public bool HasSemicolon { get; }

        public bool HasAt { get; }

        public bool HasColon { get; }

        public static LiteralShape Of(string text) => Of(new StringChars(text), 0, text.Length);

        /// <summary>The shape of <paramref name="count"/> characters of a buffer (source text read in chunks).</summary>
        public static LiteralShape Of(char[] buffer, int start, int count) => Of(new ArrayChars(buffer), start, start + count);

        // One loop for both kinds of text: the struct parameter makes the JIT compile a copy per kind, no virtual call.
        private static LiteralShape Of<TChars>(TChars text, int start, int end)
            where TChars : struct, ICharSource
        {
            int run = 0, longest = 0, dashes = 0, equalsSigns = 0;
            bool dashLine = false, semicolon = false, at = false, colon = false;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c < 128 && TokenCharacter[c])
                {
                    run++;
                    if (run > longest)
                    {
                        longest = run;
                    }

                    if (c == '-')
                    {
                        dashLine |= ++dashes >= 5;
                    }
                    else
                    {
                        dashes = 0;
                        equalsSigns += c == '=' ? 1 : 0;
                    }

                    continue;
                }

                run = 0;
                dashes = 0;
                switch (c)
                {
                    case ';': semicolon = true; break;
                    case '@': at = true; break;
                    case ':': colon = true; break;
                }
            }

            return new LiteralShape(end - start, longest, dashLine, equalsSigns, semicolon, at, colon);
        }

        private static readonly bool[] TokenCharacter = CreateTokenCharacters();

        private static bool[] CreateTokenCharacters()
        {
            var table = new bool[128];
            for (var c = 'a'; c <= 'z'; c++)
            {
                table[c] = true;
                table[char.ToUpperInvariant(c)] = true;
            }

            for (var c = '0'; c <= '9'; c++)
            {
                table[c] = true;
            }

            foreach (var c in "_-+/=.%")
            {
                table[c] = true;
            }

            return table;
        }
    }
}
