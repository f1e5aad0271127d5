namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// The diagnosis and the suggested fix of every SECURITY.md finding, in one place: the checker builds its
    /// messages from them, and <see cref="PlaceholderFinder"/> flags a policy that pastes them in, because a
    /// diagnosis or a suggestion with OWNER/REPO left in is no more usable than any other template text.
    /// </summary>
    internal static class PolicyMessages
    {
        /// <summary>PAL5001's diagnosis, reported by <see cref="LocateSecurityPolicy"/>.</summary>
        public const string Missing = "No security policy found";

        public const string Empty = "SECURITY.md is empty";
        public const string NotText = "SECURITY.md is not readable text";
        public const string HeadingsOnly = "SECURITY.md has only headings";
        public const string TooShort = "SECURITY.md is too short to be usable";
        public const string NoReportingSection = "SECURITY.md does not say how to report a vulnerability";
        public const string NoPrivateContact = "SECURITY.md gives no private way to report a vulnerability";
        public const string PublicIssuesOnly = "SECURITY.md sends reporters to public issues and offers no private channel";
        public const string Placeholder = "SECURITY.md still has template placeholder text";
        public const string NoSupportedVersions = "SECURITY.md does not say which versions get security fixes";
        public const string NoResponseTime = "SECURITY.md does not say when reporters can expect an answer";

        /// <summary>The private channel a finding suggests; OWNER/REPO and the reserved domain are placeholders on purpose.</summary>
        public const string ChannelSuggestion =
            "add a line such as 'Report vulnerabilities privately to security@acme.example or through https://github.com/OWNER/REPO/security/advisories/new' with your own address or repository";

        public const string VersionsSuggestion = "add a line such as 'Only the latest release receives security fixes', or a '## Supported Versions' table";

        public const string ResponseSuggestion = "add a line such as 'We acknowledge reports within 5 working days'";

        /// <summary>Every diagnosis, for <see cref="PlaceholderFinder"/>.</summary>
        public static readonly string[] Diagnoses =
        {
            Missing, Empty, NotText, HeadingsOnly, TooShort, NoReportingSection, NoPrivateContact, PublicIssuesOnly, Placeholder, NoSupportedVersions, NoResponseTime,
        };
    }
}
