using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers
{
    /// <summary>
    /// The descriptor of every analyzer rule. Titles, messages, categories and default severities live here
    /// so that the README table, the docs pages and the release-tracking files can be checked against one list.
    /// Each descriptor is built with constant arguments so the release-tracking analyzer (RS2000) can see it.
    /// </summary>
    internal static class Descriptors
    {
        public const string SecurityCategory = "Security";

        // ---- PAL0xxx: how Palisade itself is used ----

        public static readonly DiagnosticDescriptor SuppressionWithoutJustification = new DiagnosticDescriptor(
            id: DiagnosticIds.SuppressionWithoutJustification,
            title: "Palisade finding suppressed without a justification",
            messageFormat: "{0} needs {1} that says why the finding does not apply",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The compiler honours every [SuppressMessage] and #pragma warning disable, whatever they say, so a security finding switched off without a reason just disappears. Give a [SuppressMessage] of a Palisade rule a Justification, and a #pragma a comment on its line, that a reviewer can check.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.SuppressionWithoutJustification + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        // ---- PAL1xxx: SQL injection ----

        public static readonly DiagnosticDescriptor SqlBuiltFromText = new DiagnosticDescriptor(
            id: DiagnosticIds.SqlBuiltFromText,
            title: "SQL built from non-constant text reaches a SQL command",
            messageFormat: "SQL text passed to '{0}' is built from non-constant {1}; use a parameterized query",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Building SQL by concatenation, interpolation, string.Format or StringBuilder lets a caller change the query. Pass values as parameters instead.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.SqlBuiltFromText + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor EfCoreRawSqlBuiltFromText = new DiagnosticDescriptor(
            id: DiagnosticIds.EfCoreRawSqlBuiltFromText,
            title: "EF Core raw SQL built from non-constant text",
            messageFormat: "'{0}' is called with SQL built from non-constant {1}; use '{2}' with an interpolated string so EF Core parameterizes it",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "FromSqlRaw, ExecuteSqlRaw and SqlQueryRaw run the text as given. The interpolated APIs (FromSql, ExecuteSql, SqlQuery) turn every hole into a parameter.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.EfCoreRawSqlBuiltFromText + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor SqlIdentifierFromText = new DiagnosticDescriptor(
            id: DiagnosticIds.SqlIdentifierFromText,
            title: "Non-constant SQL identifier or list cannot be parameterized",
            messageFormat: "SQL text passed to '{0}' puts non-constant {1} where a parameter cannot go ({2}); choose it from an allow-list of known names",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Table and column names, ORDER BY targets and IN lists cannot be SQL parameters. Map the input to one of a fixed set of literals instead of inserting it.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.SqlIdentifierFromText + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor UntrustedInputExecutedAsSql = new DiagnosticDescriptor(
            id: DiagnosticIds.UntrustedInputExecutedAsSql,
            title: "Untrusted input executed as SQL",
            messageFormat: "'{0}' runs {1} as a whole SQL statement; run only statements written in code and pass request values as parameters",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Text that arrives with a web request (an action or handler parameter, Request.Query, Form, Headers, Cookies or RouteValues) lets the caller choose the entire statement. No rewrite can make that safe: select among statements written in code instead.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.UntrustedInputExecutedAsSql + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        // ---- PAL2xxx: hard-coded credentials and secrets ----

        public static readonly DiagnosticDescriptor CredentialInNamedSymbol = new DiagnosticDescriptor(
            id: DiagnosticIds.CredentialInNamedSymbol,
            title: "Hard-coded credential",
            messageFormat: "'{0}' holds a hard-coded credential ({1}); read it from configuration or a secret store",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A credential written in source is readable by everyone with the repository or the binary, and cannot be rotated without a release.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.CredentialInNamedSymbol + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor KnownSecretFormat = new DiagnosticDescriptor(
            id: DiagnosticIds.KnownSecretFormat,
            title: "String literal is a known secret format",
            messageFormat: "This string looks like a {0} ({1}); remove it from source and rotate it",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Tokens and keys with a recognisable format are found by scrapers within minutes of a push. Keep them out of the repository.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.KnownSecretFormat + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor CredentialInConnectionString = new DiagnosticDescriptor(
            id: DiagnosticIds.CredentialInConnectionString,
            title: "Credential embedded in a connection string or URL",
            messageFormat: "This {0} contains a hard-coded password ({1}); supply the credential at run time",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Connection strings and URLs with a password in them end up in logs, dumps and source control.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.CredentialInConnectionString + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor SecretInConfigurationFile = new DiagnosticDescriptor(
            id: DiagnosticIds.SecretInConfigurationFile,
            title: "Secret in a configuration file",
            messageFormat: "'{0}' in {1} holds a secret ({2}); use user secrets, environment variables or a vault",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Configuration files are committed and shipped with the application. Secrets belong in a secret store.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.SecretInConfigurationFile + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        // ---- PAL3xxx: secrets in logs and error messages ----

        public static readonly DiagnosticDescriptor SecretWrittenToLog = new DiagnosticDescriptor(
            id: DiagnosticIds.SecretWrittenToLog,
            title: "Sensitive value written to a log",
            messageFormat: "'{0}' writes sensitive value '{1}' to the log; mask or remove it",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Logs are kept long, copied widely and read by many. Credentials and personal data must not reach them: mask the value, pass it through a redactor, or leave it out of the message.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.SecretWrittenToLog + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor SecretInExceptionMessage = new DiagnosticDescriptor(
            id: DiagnosticIds.SecretInExceptionMessage,
            title: "Sensitive value in an exception message",
            messageFormat: "The message of '{0}' contains sensitive value '{1}'; mask or remove it",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Exception messages are logged, shown in error pages and sent to telemetry.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.SecretInExceptionMessage + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor SensitiveLoggerMessageParameter = new DiagnosticDescriptor(
            id: DiagnosticIds.SensitiveLoggerMessageParameter,
            title: "[LoggerMessage] method logs a sensitive parameter",
            messageFormat: "Logging method '{0}' writes sensitive parameter '{1}' through its message template; drop it or classify it for redaction",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A source-generated logging method writes every parameter that its template names, at every call. Remove the parameter from the template, or mark it with a data classification so the redaction-aware generator redacts it.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.SensitiveLoggerMessageParameter + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        // ---- PAL4xxx: unsafe code ----

        public static readonly DiagnosticDescriptor UnsafeWithoutJustification = new DiagnosticDescriptor(
            id: DiagnosticIds.UnsafeWithoutJustification,
            title: "Unsafe code without a SAFETY justification",
            messageFormat: "{0} needs a '{1}' comment that explains why it is sound{2}",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Every unsafe block, member, type and using alias needs a '// SAFETY:' comment (or another marker set in palisade.unsafe.justification_markers) directly above it, or on the first line inside its block, that gives a real reason why it is sound, or a [SuppressMessage] with a Justification, so that reviewers can check it. An unsafe type without one is reported once, covering the unsafe code inside it.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.UnsafeWithoutJustification + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor UnsafeApiWithoutJustification = new DiagnosticDescriptor(
            id: DiagnosticIds.UnsafeApiWithoutJustification,
            title: "Unsafe memory API used without a SAFETY justification",
            messageFormat: "'{0}' bypasses memory safety; justify it with a '{1}' comment",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: false,
            description: "Unsafe, MemoryMarshal, CollectionsMarshal, NativeMemory and the raw-memory members of Marshal break memory safety without the unsafe keyword. Off by default: enable it to hold them to the same '// SAFETY:' rule as unsafe code.",
            helpLinkUri: DiagnosticIds.HelpBaseUri + DiagnosticIds.UnsafeApiWithoutJustification + ".md",
            customTags: WellKnownDiagnosticTags.Telemetry);
    }
}
