using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Configuration files for the literal-dense workload, passed to the analyzers as AdditionalFiles so PAL2004
    /// is measured: appsettings*.json, web.config / app.config and .env files of 1 to 200 KB. One file per
    /// <see cref="SourceFilesPerConfigurationFile"/> source files; file K depends only on K and the seed.
    /// Most values are harmless (log levels, endpoints, feature flags, catalogue data); a few are secrets.
    /// </summary>
    internal static class ConfigurationFileGenerator
    {
        public const int SourceFilesPerConfigurationFile = 20;

        public static IReadOnlyList<GeneratedFile> Generate(int sourceFileCount, int seed = CodebaseGenerator.DefaultSeed)
        {
            var count = Math.Max(4, sourceFileCount / SourceFilesPerConfigurationFile);
            var files = new List<GeneratedFile>(count);
            for (var k = 0; k < count; k++)
            {
                files.Add(GenerateFile(k, seed));
            }

            return files;
        }

        public static GeneratedFile GenerateFile(int k, int seed = CodebaseGenerator.DefaultSeed)
        {
            var f = new FileContext(k + 1, unchecked(seed + 41));

            // Mostly small files, some medium, one in ten large: 1-30 KB, 30-100 KB, 100-200 KB.
            var bytes = (k % 10) switch
            {
                9 => f.Random.Next(100, 200),
                7 or 8 => f.Random.Next(30, 100),
                _ => f.Random.Next(1, 30),
            } * 1024;
            var folder = $"deploy/{f.Area.ToLowerInvariant()}{f.Suffix}/";
            return (k % 5) switch
            {
                0 => new GeneratedFile(folder + "appsettings.json", Json(f, bytes)),
                1 => new GeneratedFile(folder + "appsettings.Production.json", Json(f, bytes)),
                2 => new GeneratedFile(folder + "web.config", Xml(f, bytes)),
                3 => new GeneratedFile(folder + ".env", DotEnv(f, bytes)),
                _ => new GeneratedFile(folder + "app.config", Xml(f, bytes)),
            };
        }

        private static string Json(FileContext f, int bytes)
        {
            var area = f.Area.ToLowerInvariant();
            var text = new StringBuilder();
            text.Append("{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },\n");
            text.Append("  \"AllowedHosts\": \"*\",\n  \"ConnectionStrings\": {\n");
            text.Append($"    \"Main\": \"Server={area}-sql.internal;Database={f.Area};Integrated Security=True;Encrypt=True\",\n");
            text.Append(f.Chance(30)
                ? $"    \"Reports\": \"Server={area}-sql.internal;Database=Reports;User Id=reporter;Password={FakeSecretText.Password(f)}\"\n"
                : $"    \"Reports\": \"Server={area}-sql.internal;Database=Reports;User Id=reporter;Password=__REPORTS_PASSWORD__\"\n");
            text.Append("  },\n");
            text.Append($"  \"Payments\": {{ \"Endpoint\": \"https://pay.contoso.example/{area}\", \"ApiKey\": \"{(f.Chance(25) ? FakeSecretText.Token(f) : "")}\", \"TimeoutSeconds\": 30 }},\n");
            text.Append("  \"Features\": { \"NewCheckout\": true, \"Recommendations\": false, \"Beta\": [\"search\", \"wishlist\"] },\n");
            text.Append("  \"Catalog\": [\n");
            var item = 0;
            while (text.Length < bytes)
            {
                item++;
                text.Append($"    {{ \"Sku\": \"{f.Noun.ToUpperInvariant().Substring(0, 3)}-{item:D6}\", \"Title\": \"{f.Noun} model {item}\", ");
                text.Append($"\"Price\": {f.Random.Next(1, 999)}.{f.Random.Next(0, 99):D2}, \"Tags\": [\"{f.Area}\", \"t{item % 17}\"], ");
                text.Append($"\"Image\": \"https://cdn.contoso.example/img/{item}.png\", \"Description\": \"Ships in {f.Random.Next(1, 9)} days; see terms.\" }},\n");
            }

            text.Append("    { \"Sku\": \"END\" }\n  ]\n}\n");
            return text.ToString();
        }

        private static string Xml(FileContext f, int bytes)
        {
            var area = f.Area.ToLowerInvariant();
            var text = new StringBuilder();
            text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <connectionStrings>\n");
            text.Append($"    <add name=\"Main\" connectionString=\"Data Source={area}-sql;Initial Catalog={f.Area};Integrated Security=True\" providerName=\"System.Data.SqlClient\" />\n");
            if (f.Chance(30))
            {
                text.Append($"    <add name=\"Entities\" connectionString=\"metadata=res://*/Model.csdl|res://*/Model.ssdl|res://*/Model.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source={area}-sql;initial catalog={f.Area};user id=ef;password={FakeSecretText.Password(f)};MultipleActiveResultSets=True&quot;\" providerName=\"System.Data.EntityClient\" />\n");
            }

            text.Append("  </connectionStrings>\n  <appSettings>\n");
            var n = 0;
            while (text.Length < bytes)
            {
                n++;
                var line = (n % 9) switch
                {
                    0 => $"    <add key=\"{f.Area}.Retry{n}\" value=\"{f.Random.Next(1, 10)}\" />\n",
                    1 => $"    <add key=\"Endpoint{n}\" value=\"https://{area}.contoso.example/api/v{n % 3 + 1}/\" />\n",
                    2 => $"    <add key=\"Feature{n}.Enabled\" value=\"{(f.Chance(50) ? "true" : "false")}\" />\n",
                    3 => $"    <add key=\"Queue{n}\" value=\"{area}-queue-{n}\" />\n",
                    4 => $"    <add key=\"Smtp{n}.Password\" value=\"{(f.Chance(3) ? FakeSecretText.Password(f) : "")}\" />\n",
                    5 => $"    <add key=\"Message{n}\" value=\"The {f.Noun.ToLowerInvariant()} was processed; contact ops{n}@contoso.example for help.\" />\n",
                    6 => $"    <add key=\"Timeout{n}\" value=\"00:00:{f.Random.Next(10, 59)}\" />\n",
                    7 => $"    <add key=\"Culture{n}\" value=\"{f.Pick("en-US", "de-DE", "fr-FR", "nl-NL")}\" />\n",
                    _ => $"    <add key=\"Path{n}\" value=\"C:\\data\\{area}\\{n}\" />\n",
                };
                text.Append(line);
            }

            text.Append("  </appSettings>\n  <system.web>\n    <compilation debug=\"false\" targetFramework=\"4.8\" />\n  </system.web>\n</configuration>\n");
            return text.ToString();
        }

        private static string DotEnv(FileContext f, int bytes)
        {
            var area = f.Area.ToUpperInvariant();
            var text = new StringBuilder();
            text.Append("# Local development settings\n");
            text.Append($"ASPNETCORE_ENVIRONMENT=Development\n{area}_DB_HOST=localhost\n{area}_DB_PASSWORD={(f.Chance(30) ? FakeSecretText.Password(f) : "")}\n");
            var n = 0;
            while (text.Length < bytes)
            {
                n++;
                text.Append((n % 6) switch
                {
                    0 => $"{area}_WORKER_{n}_THREADS={f.Random.Next(1, 16)}\n",
                    1 => $"{area}_URL_{n}=https://{area.ToLowerInvariant()}.contoso.example/{n}\n",
                    2 => $"# section {n}: values below are read by the {f.Noun.ToLowerInvariant()} worker\n",
                    3 => $"{area}_FLAG_{n}=true\n",
                    4 => $"{area}_NAME_{n}=\"{f.Noun} {n.ToString(CultureInfo.InvariantCulture)}\"\n",
                    _ => $"{area}_TOKEN_{n}={(f.Chance(2) ? FakeSecretText.Token(f) : "changeme")}\n",
                });
            }

            return text.ToString();
        }
    }
}
