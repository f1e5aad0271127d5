namespace Palisade.Build.SecurityPolicy
{
    /// <summary>What is wrong with a SECURITY.md; each kind becomes one PAL5002 diagnostic.</summary>
    internal enum PolicyProblemKind
    {
        Empty,
        NotText,
        TooShort,
        NoReportingSection,
        NoPrivateContact,
        Placeholder,
        NoSupportedVersions,
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

        public override string ToString() => Line > 0 ? $"{Kind}@{Line}: {Message}" : $"{Kind}: {Message}";
    }
}
