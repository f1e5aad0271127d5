namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// Labelled configuration files for PAL2004: (file name, content). Flagged values are marked with
    /// <c>{|#0:...|}</c>; the tests hand the files to the compiler as real AdditionalFiles.
    /// </summary>
    public static class ConfigurationFileCases
    {
        public static readonly (string File, string Content)[] Flagged =
        {
            ("appsettings.json", """
                {
                  "Db": { "Password": "{|#0:jsonPw!1|}" }
                }
                """),
            ("appsettings.Development.json", """
                {
                  "ConnectionStrings": {
                    "Main": "{|#0:Server=db;User Id=app;Password=devPw42|}"
                  }
                }
                """),
            // Only a loopback server together with the user name as password is the local default login.
            ("appsettings.json", """{ "ConnectionStrings": { "Main": "{|#0:Host=pg.internal;Username=postgres;Password=postgres|}" } }"""),
            ("appsettings.json", """{ "ConnectionStrings": { "Main": "{|#0:Host=localhost;Username=postgres;Password=Loc4lPw!|}" } }"""),
            ("appsettings.json", """
                { "Stripe": { "Secret": "{|#0:%%STRIPE%%|}", "PublishableName": "shop" } }
                """),
            ("appsettings.Production.json", """
                { "Jwt": { "Issuer": "https://issuer.example", "Key": "{|#0:Zx9Qm2Lp7Vt4Rk8Wn3Hs6Jd1Qa5|}" } }
                """),
            ("Web.config", """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <connectionStrings>
                    <add name="Main" connectionString="{|#0:Server=db;User Id=a;Password=webPw1|}" providerName="System.Data.SqlClient" />
                  </connectionStrings>
                </configuration>
                """),
            ("App.config", """
                <configuration>
                  <appSettings>
                    <add key="LogLevel" value="Information" />
                    <add key="SmtpPassword" value="{|#0:smtpPw77|}" />
                  </appSettings>
                </configuration>
                """),
            ("NuGet.config", """
                <configuration>
                  <packageSourceCredentials>
                    <Private>
                      <add key="Username" value="builder" />
                      <add key="ClearTextPassword" value="{|#0:nugetPw5|}" />
                    </Private>
                  </packageSourceCredentials>
                </configuration>
                """),
            ("web.config", """
                <configuration><system.net><mailSettings><smtp><network host="smtp" userName="u" password="{|#0:netPw12|}" /></smtp></mailSettings></system.net></configuration>
                """),
            (".env", """
                # local settings
                APP_NAME=orders
                DB_PASSWORD={|#0:envFilePw1|}
                """),
            (".env.production", """
                export STRIPE_KEY="{|#0:%%STRIPE%%|}"
                """),
            ("launchSettings.json", """
                {
                  "profiles": {
                    "Api": {
                      "commandName": "Project",
                      "environmentVariables": {
                        "ASPNETCORE_ENVIRONMENT": "Development",
                        "API_TOKEN": "{|#0:launchTok9|}"
                      }
                    }
                  }
                }
                """),
            ("appsettings.json", """
                {
                  // comments and trailing commas are accepted by ASP.NET Core
                  "Smtp": {
                    "Host": "smtp.example.com", /* block comment */
                    "Password": "{|#0:pa\u0073s!99|}",
                  },
                }
                """),
            ("appsettings.json", """
                { "Bus": { "Url": "{|#0:amqp://orders:mqPw1@rabbit:5672/|}" } }
                """),
            ("appsettings.json", """
                { "Api": { "ClientSecret": "{|#0:cs-3f9a1b|}" }, "Broken": { "Value": "unterminated
                """),
            ("App.config", """
                <configuration>
                  <Credentials>
                    <Password>{|#0:xmlText9|}</Password>
                  </Credentials>
                </configuration>
                """),
            ("Web.config", """<configuration><appSettings><add key="Password" value="{|#0:brokenPw1|}" """),
            ("appsettings.json", """
                { "Services": [ { "Name": "billing", "ApiKey": "{|#0:bk-771a2c|}" } ] }
                """),
        };

        public static readonly (string File, string Content)[] Safe =
        {
            ("appsettings.json", """{ "Db": { "Password": "" } }"""),
            ("appsettings.json", """{ "Db": { "Password": "${DB_PASSWORD}" } }"""),
            ("appsettings.json", """{ "ConnectionStrings": { "Main": "Server=.;Database=App;Integrated Security=true" } }"""),
            // The database images' default login on the developer's own machine (PAL2003 says the same).
            ("appsettings.Development.json", """{ "ConnectionStrings": { "Main": "Host=localhost;Username=postgres;Password=postgres;Database=app" } }"""),
            ("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
            ("Web.config", """<configuration><appSettings><add key="PasswordMinLength" value="12" /></appSettings></configuration>"""),
            (".env", "DB_PASSWORD=\n# API_KEY=commentedOutValue1\n"),
            ("launchSettings.json", """{ "profiles": { "Api": { "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development" } } } }"""),
            ("appsettings.json", """{ "Jwt": { "Issuer": "https://issuer", "Key": "#{JwtKey}#" } }"""),
            ("appsettings.json", """{ "CacheKey": "users-v2" }"""),
            ("data.json", """{ "Password": "notAConfigFile1" }"""),
            ("Web.config", """<configuration><appSettings><add key="Password" value="brokenPw1"""),
            ("appsettings.json", """{ "KeyVault": { "VaultUri": "https://orders.vault.azure.net/" } }"""),
            (".env", "API_KEY=<your-api-key>\n"),
            ("appsettings.json", """{ "Secrets": { "ApiKeyName": "ApiKey", "PasswordPrompt": "Enter your password" } }"""),
            ("appsettings.json", """{ "AWS": { "AccessKey": "AKIAIOSFODNN7EXAMPLE" } }"""),
            ("appsettings.json", """{ "ConnectionStrings": { "Main": "Server=db;User Id=app;Password=#{DbPassword}#" } }"""),
            ("appsettings.json", "{ \"Db\": { \"Password\": "),
            ("App.config", """<configuration><!-- <add key="Password" value="oldPw123" /> --></configuration>"""),
        };
    }
}
