using System;
using System.IO;

namespace Palisade.Build.Tests
{
    /// <summary>Policy texts used by several test classes.</summary>
    internal static class Policies
    {
        /// <summary>A short policy with everything PAL5002 asks for.</summary>
        public const string Complete = """
            # Security Policy

            ## Supported Versions

            Only the latest 2.x release receives security fixes.

            ## Reporting a Vulnerability

            Please do not open a public issue. Email security@acme-widgets.io, or use
            https://github.com/acme/widgets/security/advisories/new to report privately.
            We answer within three working days.
            """;

        public static string FixturePath(string prefix)
        {
            string folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "SecurityPolicies");
            foreach (string file in Directory.GetFiles(folder, prefix + "_*.txt"))
            {
                return file;
            }

            throw new FileNotFoundException("No fixture " + prefix + " in " + folder);
        }
    }
}
