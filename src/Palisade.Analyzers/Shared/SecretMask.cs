namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// The only form in which a found secret may appear in a diagnostic or a SARIF log: a hint that lets the reader
    /// find the value again without learning any of it. A password or generic secret shows its length only; any
    /// characters of it would shrink the search space for whoever reads the build log. A token whose format has a
    /// published prefix (AKIA, ghp_, sk_live_, xoxb- ...) shows that prefix, which says nothing secret and tells
    /// the reader which vendor's key to revoke.
    /// </summary>
    internal static class SecretMask
    {
        /// <summary>"…(11 chars)": length only. For passwords, generic secrets, and formats without a public prefix.</summary>
        public static string Mask(string? value) => WithPublicPrefix(value, 0);

        /// <summary>
        /// "ghp_…(40 chars)": the first <paramref name="publicPrefixLength"/> characters, which must be a format's
        /// published prefix and nothing of the secret body, then the length.
        /// </summary>
        public static string WithPublicPrefix(string? value, int publicPrefixLength)
        {
            if (value is null || value.Length == 0)
            {
                return "(empty)";
            }

            var length = value.Length + (value.Length == 1 ? " char" : " chars");
            var prefix = publicPrefixLength > 0 && publicPrefixLength < value.Length ? value.Substring(0, publicPrefixLength) : string.Empty;
            return prefix + "\u2026(" + length + ")";
        }
    }
}
