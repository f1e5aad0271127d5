namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// The only form in which a found secret may appear in a diagnostic: a hint that lets the reader find the
    /// value again without reading it. Long values (16+ characters, where the first characters are usually a
    /// public prefix such as "AKIA" or "ghp_") show their first four characters; shorter values, typically
    /// passwords, show only their length, because four characters of an eight-character password are half of it.
    /// </summary>
    internal static class SecretMask
    {
        public const int PrefixShownFromLength = 16;

        public static string Mask(string? value)
        {
            if (value is null || value.Length == 0)
            {
                return "(empty)";
            }

            var length = value.Length + (value.Length == 1 ? " char" : " chars");
            return value.Length >= PrefixShownFromLength
                ? value.Substring(0, 4) + "\u2026(" + length + ")"
                : "\u2026(" + length + ")";
        }
    }
}
