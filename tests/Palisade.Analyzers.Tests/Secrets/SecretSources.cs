namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>Wraps class members into a compilable file with the usings and helper types the secrets cases need.</summary>
    internal static class SecretSources
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Security.Cryptography;
            using System.Security.Cryptography.X509Certificates;
            using System.Text;
            using System.Threading;
            using Microsoft.Data.SqlClient;
            using Microsoft.Extensions.Configuration;

            """;

        public static string InClass(string members) => Usings + """
            class Settings
            {
                public string? Password { get; set; }
                public string? ApiSecret { get; set; }
                public string? UserName { get; set; }
            }

            class C
            {

            """ + FakeSecrets.Expand(members) + """

            }

            """;

        /// <summary>The source without markup: what the compiler sees.</summary>
        public static string WithoutMarkup(string source)
        {
            var text = source;
            for (var i = 0; i < 4; i++)
            {
                text = text.Replace("{|#" + i + ":", string.Empty, System.StringComparison.Ordinal);
            }

            return text.Replace("|}", string.Empty, System.StringComparison.Ordinal);
        }
    }
}
