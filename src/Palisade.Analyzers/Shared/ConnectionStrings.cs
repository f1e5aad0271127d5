using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Finds credentials in connection-string-shaped text ("Server=db;User Id=app;Password=...") and in URLs
    /// with user information ("postgres://app:...@db/orders"). Tolerant by design: it reads what it can and
    /// never throws on malformed text.
    /// </summary>
    internal static class ConnectionStrings
    {
        /// <summary>Keys that appear in connection strings; two of them make text connection-string-shaped.</summary>
        private static readonly ImmutableHashSet<string> KnownKeys = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "server", "data source", "datasource", "host", "hostname", "address", "addr", "network address", "database",
            "initial catalog", "user id", "userid", "uid", "user", "username", "user name", "password", "pwd", "passwd",
            "port", "integrated security", "trusted_connection", "encrypt", "timeout", "connect timeout",
            "connection timeout", "sslmode", "ssl mode", "defaultendpointsprotocol", "accountname", "accountkey",
            "endpointsuffix", "endpoint", "sharedaccesskeyname", "sharedaccesskey", "provider", "dsn", "driver", "mode",
            "pooling", "filename", "attachdbfilename", "application name", "trustservercertificate",
            "multipleactiveresultsets", "persist security info", "authsource", "virtualhost", "blobendpoint",
            "queueendpoint", "tableendpoint", "sharedaccesssignature", "authentication", "collection", "dbq", "metadata",
            "provider connection string",
            "credential", "credentials", "authtoken", "auth token", "accesstoken", "access token", "token", "apikey",
            "api key", "clientsecret", "client secret", "secret");

        /// <summary>
        /// Keys whose value is the credential. Besides passwords, providers take tokens and secrets
        /// ("AuthToken=" for libSQL and Turso, "Credential=", "ClientSecret=", "ApiKey="); a key whose last word is one
        /// of these ("User Password", "Jet OLEDB:Database Password", "Access Token") counts too.
        /// </summary>
        private static readonly ImmutableHashSet<string> PasswordWords = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase, "password", "pwd", "passwd", "credential", "credentials", "authtoken", "accesstoken",
            "token", "apikey", "clientsecret", "secret");

        /// <summary>
        /// Stands for a part of the text that is not a literal (a variable in a concatenation). A value containing it
        /// is not a hard-coded credential.
        /// </summary>
        public const char Hole = '\uFFFF';

        /// <summary>
        /// The cheap first gate, from the one pass <see cref="LiteralShape"/> made. A connection string with a
        /// password needs two "key=value" pairs, so two '=' and a ';' between pairs; a URL with a password needs ':'
        /// and '@'. Exact: no text failing it gives a finding here.
        /// </summary>
        public static bool MayContain(in LiteralShape shape) =>
            MayContain(shape.EqualsSigns, shape.HasSemicolon, shape.HasAt, shape.HasColon);

        /// <summary>The same gate from counts added up over several pieces (the literals of a concatenation).</summary>
        public static bool MayContain(int equalsSigns, bool hasSemicolon, bool hasAt, bool hasColon) =>
            (equalsSigns >= 2 && hasSemicolon) || (hasAt && hasColon);

        /// <summary>
        /// The second gate, for the "key=value;" form: a password key (<see cref="IsPasswordKey"/>) always contains
        /// one of these, so text without any cannot hold a password entry. Compared with ASCII case folding; a
        /// character outside ASCII answers "maybe".
        /// </summary>
        private static readonly string[] PasswordKeyParts = { "password", "passwd", "pwd", "credential", "token", "apikey", "secret" };

        /// <summary>Both gates: a URL with user information (a scheme, '@' and ':'), or key/value pairs one of whose keys may be a password.</summary>
        public static bool MayHoldCredential(in LiteralShape shape, string text) =>
            (shape.HasAt && shape.HasColon && HasSchemeSeparator(new StringChars(text), 0, text.Length)) ||
            (shape.EqualsSigns >= 2 && shape.HasSemicolon && MayNamePassword(new StringChars(text), 0, text.Length));

        /// <inheritdoc cref="MayHoldCredential(in LiteralShape, string)"/>
        public static bool MayHoldCredential(in LiteralShape shape, char[] buffer, int start, int count) =>
            (shape.HasAt && shape.HasColon && HasSchemeSeparator(new ArrayChars(buffer), start, start + count)) ||
            (shape.EqualsSigns >= 2 && shape.HasSemicolon && MayNamePassword(new ArrayChars(buffer), start, start + count));

        /// <summary>"://": <see cref="TryFindUrlPassword"/> reads user information only after a scheme.</summary>
        private static bool HasSchemeSeparator<TChars>(TChars text, int start, int end)
            where TChars : struct, ICharSource =>
            AsciiText.Contains(text, start, end, "://", ignoreCase: false);

        private static bool MayNamePassword<TChars>(TChars text, int start, int end)
            where TChars : struct, ICharSource
        {
            if (AsciiText.HasNonAscii(text, start, end))
            {
                return true;
            }

            foreach (var part in PasswordKeyParts)
            {
                if (AsciiText.Contains(text, start, end, part, ignoreCase: true))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool LooksLikeConnectionString(string text)
        {
            if (text.IndexOf('=') < 0)
            {
                return false;
            }

            // Two real connection-string keys: one "Password=" in prose or code is not enough.
            var known = 0;
            foreach (var pair in Pairs(text))
            {
                if (KnownKeys.Contains(pair.Key) && ++known >= 2)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Finds a password entry with a real value. <paramref name="valueStart"/> is the offset of the value in
        /// <paramref name="text"/>, so callers can point at it.
        /// </summary>
        public static bool TryFindPassword(string text, SecretNames names, out string value, out int valueStart)
        {
            value = string.Empty;
            valueStart = -1;
            if (!LooksLikeConnectionString(text))
            {
                return false;
            }

            foreach (var pair in Pairs(text))
            {
                if (IsPasswordKey(pair.Key) && IsRealValue(pair.Value, names))
                {
                    if (IsLocalDefaultLogin(text, pair.Value))
                    {
                        return false;
                    }

                    value = pair.Value;
                    valueStart = pair.ValueStart;
                    return true;
                }

                // Entity Framework 6 wraps the provider's connection string in quotes inside its own:
                // metadata=...;provider connection string="data source=...;password=...".
                if (pair.Value.IndexOf('=') >= 0 && pair.Value.IndexOf(';') >= 0 &&
                    TryFindPassword(pair.Value, names, out value, out var nestedStart))
                {
                    valueStart = pair.ValueStart + nestedStart;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Finds "scheme://user:password@host"; the password must be a real value, not a placeholder.</summary>
        public static bool TryFindUrlPassword(string text, SecretNames names, out string password, out int passwordStart)
        {
            password = string.Empty;
            passwordStart = -1;
            var searchFrom = 0;
            while (searchFrom < text.Length)
            {
                var marker = text.IndexOf("://", searchFrom, StringComparison.Ordinal);
                if (marker <= 0)
                {
                    return false;
                }

                var authorityStart = marker + 3;
                var authorityEnd = authorityStart;
                while (authorityEnd < text.Length && IsAuthorityCharacter(text[authorityEnd]))
                {
                    authorityEnd++;
                }

                var at = authorityEnd > authorityStart ? text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
                if (at > authorityStart && IsSchemeBefore(text, marker) && HasHostAfter(text, at, authorityEnd))
                {
                    var colon = text.IndexOf(':', authorityStart, at - authorityStart);
                    if (colon >= authorityStart && colon + 1 < at)
                    {
                        var candidate = text.Substring(colon + 1, at - colon - 1);
                        if (IsRealValue(Uri.UnescapeDataString(candidate), names))
                        {
                            password = candidate;
                            passwordStart = colon + 1;
                            return true;
                        }
                    }
                }

                searchFrom = authorityEnd > marker ? authorityEnd : marker + 3;
            }

            return false;
        }

        /// <summary>
        /// Characters a URL's authority ("user:password@host:port") can hold. An apostrophe is one (RFC 3986
        /// sub-delims), so a password like "o'brien" is read whole; a closing quote after the host is not in the
        /// way either, because the password ends at the '@'. Characters that URLs never hold unencoded ('&lt;',
        /// '&gt;', '"', braces, spaces) end it, so prose such as "http://shop.example&lt;br&gt;Mail: ann@shop.example"
        /// is not read as "user:password@host".
        /// </summary>
        private static bool IsAuthorityCharacter(char c)
        {
            switch (c)
            {
                case '/':
                case '?':
                case '#':
                case '"':
                case '<':
                case '>':
                case '{':
                case '}':
                case '|':
                case '\\':
                case '^':
                case '`':
                case Hole:
                    return false;
                default:
                    return !char.IsWhiteSpace(c) && !char.IsControl(c);
            }
        }

        /// <summary>After the '@' comes a host: a name, an address, "[::1]", or a variable joined into the text.</summary>
        private static bool HasHostAfter(string text, int at, int authorityEnd)
        {
            if (at + 1 < authorityEnd)
            {
                var c = text[at + 1];
                return char.IsLetterOrDigit(c) || c == '[';
            }

            return authorityEnd < text.Length && text[authorityEnd] == Hole;
        }

        /// <summary>"scheme://": at least one letter before the marker, so "://" on its own or after punctuation is not a URL.</summary>
        private static bool IsSchemeBefore(string text, int marker) => marker > 0 && char.IsLetterOrDigit(text[marker - 1]);

        /// <summary>
        /// Connection-string keys are short words ("User Id", "Jet OLEDB:Database Password"); text with brackets,
        /// quotes or commas before an '=' is code or prose ("password == x", "string Password = ..."), not a key.
        /// </summary>
        private static bool IsKeyText(string key)
        {
            if (key.Length == 0 || key.Length > 40)
            {
                return false;
            }

            foreach (var c in key)
            {
                if (!char.IsLetterOrDigit(c) && c != ' ' && c != '_' && c != '.' && c != ':' && c != '-')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsPasswordKey(string key)
        {
            if (PasswordWords.Contains(key))
            {
                return true;
            }

            // "User Password", "Jet OLEDB:Database Password".
            var words = NameWords.Split(key);
            return words.Count > 1 && PasswordWords.Contains(words[words.Count - 1]);
        }

        /// <summary>A real value is anything but empty text, a placeholder, or a name standing in for the value ("myPassword").</summary>
        private static bool IsRealValue(string raw, SecretNames names)
        {
            var value = raw.Trim();
            if (value.Length == 0 || value.IndexOf(Hole) >= 0 || IsSwitchValue(value) ||
                SecretValues.IsPlaceholder(value) || SecretValues.IsPublishedExample(value))
            {
                return false;
            }

            return !names.IsSecretName(value, out _);
        }

        /// <summary>Keys naming the server, and the login.</summary>
        private static readonly ImmutableHashSet<string> HostKeys = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase, "server", "data source", "datasource", "host", "hostname", "address", "addr", "network address");

        private static readonly ImmutableHashSet<string> UserKeys = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase, "user id", "userid", "uid", "user", "username", "user name");

        /// <summary>
        /// "Host=localhost;Username=postgres;Password=postgres": a database on the developer's own machine whose
        /// password is its user name, the default login of the database images (postgres, sa, root, guest). It
        /// opens nothing anyone else can reach, and everyone knows it. Both must hold: a loopback server with
        /// any other password, or the same login on a real host, is still reported.
        /// </summary>
        private static bool IsLocalDefaultLogin(string text, string password)
        {
            bool local = false, userIsPassword = false;
            foreach (var pair in Pairs(text))
            {
                if (HostKeys.Contains(pair.Key))
                {
                    local = IsLoopback(pair.Value.Trim());
                }
                else if (UserKeys.Contains(pair.Key))
                {
                    userIsPassword = string.Equals(pair.Value.Trim(), password.Trim(), StringComparison.Ordinal);
                }
            }

            return local && userIsPassword;
        }

        private static readonly char[] PortOrInstanceSeparators = { ',', '\\' };

        /// <summary>"localhost", "127.0.0.1,1433", "tcp:localhost:5432", "(localdb)\MSSQLLocalDB", ".", "(local)".</summary>
        private static bool IsLoopback(string server)
        {
            if (server.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
            {
                server = server.Substring(4);
            }

            if (server.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // Drop a port (",1433" or ":5432"; an IPv6 loopback keeps its colons) and a named instance (".\SQLEXPRESS").
            var end = server.IndexOfAny(PortOrInstanceSeparators);
            if (end >= 0)
            {
                server = server.Substring(0, end);
            }

            if (server != "::1" && server != "[::1]" && server.IndexOf(':') > 0)
            {
                server = server.Substring(0, server.LastIndexOf(':'));
            }

            return server == "." || server.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
                   server.Equals("(local)", StringComparison.OrdinalIgnoreCase) || server == "127.0.0.1" ||
                   server == "::1" || server == "[::1]";
        }

        /// <summary>"UseToken=true", "Credentials=SSPI": a setting, not a secret.</summary>
        private static bool IsSwitchValue(string value) =>
            value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase) ||
            value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase) ||
            value.Equals("sspi", StringComparison.OrdinalIgnoreCase);

        private readonly struct Pair
        {
            public Pair(string key, string value, int valueStart)
            {
                Key = key;
                Value = value;
                ValueStart = valueStart;
            }

            public string Key { get; }

            public string Value { get; }

            public int ValueStart { get; }
        }

        /// <summary>Splits "k=v;k='v;v';k=\"v\"" into pairs; quotes protect separators; malformed parts are skipped.</summary>
        private static IEnumerable<Pair> Pairs(string text)
        {
            var position = 0;
            while (position < text.Length)
            {
                var equals = text.IndexOf('=', position);
                if (equals < 0)
                {
                    yield break;
                }

                var semicolon = text.IndexOf(';', position);
                if (semicolon >= 0 && semicolon < equals)
                {
                    position = semicolon + 1;
                    continue;
                }

                var key = text.Substring(position, equals - position).Trim();
                var valueStart = equals + 1;
                while (valueStart < text.Length && text[valueStart] == ' ')
                {
                    valueStart++;
                }

                int valueEnd;
                string value;
                if (valueStart < text.Length && (text[valueStart] == '\'' || text[valueStart] == '"'))
                {
                    var quote = text[valueStart];
                    var close = text.IndexOf(quote, valueStart + 1);
                    valueEnd = close < 0 ? text.Length : close;
                    value = text.Substring(valueStart + 1, valueEnd - valueStart - 1);
                    valueStart++;
                    var next = text.IndexOf(';', Math.Min(text.Length, valueEnd + 1));
                    position = next < 0 ? text.Length : next + 1;
                }
                else
                {
                    var next = text.IndexOf(';', valueStart);
                    valueEnd = next < 0 ? text.Length : next;
                    value = text.Substring(valueStart, valueEnd - valueStart).TrimEnd();
                    position = next < 0 ? text.Length : next + 1;
                }

                if (IsKeyText(key) && !value.StartsWith("=", StringComparison.Ordinal))
                {
                    yield return new Pair(key, value, valueStart);
                }
            }
        }
    }
}
