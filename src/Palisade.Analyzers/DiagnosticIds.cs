namespace Palisade.Analyzers
{
    /// <summary>
    /// Every Palisade rule id, in one place. The numbering says the family:
    /// PAL0xxx Palisade's own findings about how its rules are used, PAL1xxx SQL injection, PAL2xxx hard-coded secrets, PAL3xxx secrets in logs,
    /// PAL4xxx unsafe code, PAL5xxx the SECURITY.md build gate (reported by the MSBuild task).
    /// </summary>
    /// <remarks>This file is also compiled into Palisade.Build so the task and the analyzers never disagree on a code.</remarks>
    internal static class DiagnosticIds
    {
        public const string SuppressionWithoutJustification = "PAL0001";

        public const string SqlBuiltFromText = "PAL1001";
        public const string EfCoreRawSqlBuiltFromText = "PAL1002";
        public const string SqlIdentifierFromText = "PAL1003";
        public const string UntrustedInputExecutedAsSql = "PAL1004";

        public const string CredentialInNamedSymbol = "PAL2001";
        public const string KnownSecretFormat = "PAL2002";
        public const string CredentialInConnectionString = "PAL2003";
        public const string SecretInConfigurationFile = "PAL2004";

        public const string SecretWrittenToLog = "PAL3001";
        public const string SecretInExceptionMessage = "PAL3002";
        public const string SensitiveLoggerMessageParameter = "PAL3003";

        public const string UnsafeWithoutJustification = "PAL4001";
        public const string UnsafeApiWithoutJustification = "PAL4002";

        public const string SecurityPolicyMissing = "PAL5001";
        public const string SecurityPolicyUnusable = "PAL5002";
        public const string SecurityPolicyLacksDetails = "PAL5003";

        /// <summary>Where each rule's documentation page lives; every descriptor's help link is built from it.</summary>
        public const string HelpBaseUri = "https://github.com/palisade-analyzers/palisade/blob/main/docs/rules/";

        public static string HelpUri(string id) => HelpBaseUri + id + ".md";
    }
}
