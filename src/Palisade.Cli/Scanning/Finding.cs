using Microsoft.CodeAnalysis;
using Palisade.Analyzers.Baseline;

namespace Palisade.Cli.Scanning
{
    /// <summary>How bad a finding is, as the build would report it.</summary>
    internal enum FindingSeverity
    {
        Note,
        Warning,
        Error,
    }

    /// <summary>
    /// One result of a scan: an analyzer diagnostic or a SECURITY.md problem. <see cref="Message"/> is the diagnostic's
    /// own text (secrets already masked); <see cref="Excerpt"/> is the source around the line with secrets masked.
    /// </summary>
    internal sealed record Finding(
        string RuleId,
        FindingSeverity Severity,
        string Message,
        string FilePath,
        string RelativePath,
        int Line,
        int Column,
        int EndLine,
        int EndColumn)
    {
        /// <summary>The diagnostic this came from (null for SECURITY.md findings): the baseline needs its syntax.</summary>
        public Diagnostic? Diagnostic { get; init; }

        public BaselineEntry? Fingerprint { get; set; }

        /// <summary>Listed in the baseline: reported as suppressed, never fails the scan.</summary>
        public bool Baselined { get; set; }

        public Excerpt? Excerpt { get; set; }
    }

    /// <summary>Source lines around a finding; <see cref="FirstLine"/> is 1-based.</summary>
    internal sealed record Excerpt(int FirstLine, string[] Lines);
}
