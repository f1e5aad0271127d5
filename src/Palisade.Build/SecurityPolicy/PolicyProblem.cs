namespace Palisade.Build.SecurityPolicy
{
    /// <summary>What is wrong with a SECURITY.md; each kind becomes one diagnostic of its <see cref="PolicyLevel"/>.</summary>
    internal enum PolicyProblemKind
    {
        Empty,
        NotText,
        TooShort,
        NoReportingSection,
        NoPrivateContact,
        Placeholder,
        NoSupportedVersions,
        HeadingsOnly,
        PublicIssuesOnly,
        NoResponseTime,
    }

    /// <summary>How bad a problem is for someone who wants to report a vulnerability.</summary>
    internal enum PolicyLevel
    {
        /// <summary>A reporter cannot use the policy to report privately: PAL5002.</summary>
        Unusable,

        /// <summary>A reporter can report, but the policy leaves out something they would want to know: PAL5003.</summary>
        Incomplete,
    }

    /// <summary>One problem found in a SECURITY.md. <see cref="Line"/> is 1-based; 0 means "the whole file".</summary>
    internal sealed class PolicyProblem
    {
        public PolicyProblem(PolicyProblemKind kind, int line, string message)
        {
            Kind = kind;
            Line = line;
            Message = message;
        }

        public PolicyProblemKind Kind { get; }

        public int Line { get; }

        public string Message { get; }

        public PolicyLevel Level => LevelOf(Kind);

        public static PolicyLevel LevelOf(PolicyProblemKind kind) =>
            kind == PolicyProblemKind.NoSupportedVersions || kind == PolicyProblemKind.NoResponseTime ? PolicyLevel.Incomplete : PolicyLevel.Unusable;

        public override string ToString() => Line > 0 ? $"{Kind}@{Line}: {Message}" : $"{Kind}: {Message}";
    }
}
