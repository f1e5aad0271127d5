using System.Threading.Tasks;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Secrets.ConfigurationFileSecretAnalyzer>;

namespace Palisade.Analyzers.Tests.Secrets
{
    public class ConfigurationFileSecretTests
    {
        public static TheoryData<int> FlaggedIndexes => Indexes(ConfigurationFileCases.Flagged.Length);

        public static TheoryData<int> SafeIndexes => Indexes(ConfigurationFileCases.Safe.Length);

        [Theory]
        [MemberData(nameof(FlaggedIndexes))]
        public Task Secret_in_a_configuration_file_is_reported_at_its_value(int index)
        {
            var (file, content) = ConfigurationFileCases.Flagged[index];
            var test = TestWith(file, content);
            test.ExpectedDiagnostics.AddRange(SecretTestSupport.ExpectedAtMarkers(content, Descriptors.SecretInConfigurationFile));
            return test.RunAsync();
        }

        [Theory]
        [MemberData(nameof(SafeIndexes))]
        public Task Empty_placeholder_integrated_security_or_unscanned_file_is_not_reported(int index)
        {
            var (file, content) = ConfigurationFileCases.Safe[index];
            return TestWith(file, content).RunAsync();
        }

        [Fact]
        public Task Message_names_the_key_the_file_and_a_masked_hint()
        {
            var test = TestWith("appsettings.json", """{ "Db": { "Password": "{|#0:jsonPw!1|}" } }""");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.SecretInConfigurationFile).WithLocation(0).WithArguments("Db:Password", "appsettings.json", "password, \u2026(8 chars)"));
            return test.RunAsync();
        }

        [Fact]
        public Task Configuration_files_of_test_projects_are_still_scanned()
        {
            var test = TestWith(".env", "DB_PASSWORD={|#0:envFilePw1|}\n");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.SecretInConfigurationFile).WithLocation(0));
            return test.RunAsync();
        }

        [Fact]
        public Task Extra_secret_words_apply_to_configuration_files()
        {
            var test = TestWith("appsettings.json", """{ "Kiosk": { "PinCode": "{|#0:8812-3391|}" } }""");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.secret_words = pin code\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.SecretInConfigurationFile).WithLocation(0));
            return test.RunAsync();
        }

        [Fact]
        public Task Without_extra_secret_words_an_unknown_key_is_not_reported()
        {
            return TestWith("appsettings.json", """{ "Kiosk": { "PinCode": "8812-3391" } }""").RunAsync();
        }

        [Fact]
        public Task Entity_framework_6_provider_connection_string_on_one_line_is_read_inside_its_quotes()
        {
            var test = TestWith("Web.config", """
                <configuration>
                  <connectionStrings>
                    <add name="ShopEntities" connectionString="{|#0:metadata=res://*/Shop.csdl|res://*/Shop.ssdl|res://*/Shop.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source=db;initial catalog=Shop;user id=ef;password=ef6Pw!x9;MultipleActiveResultSets=True&quot;|}" providerName="System.Data.EntityClient" />
                  </connectionStrings>
                </configuration>
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.SecretInConfigurationFile).WithLocation(0));
            return test.RunAsync();
        }

        [Fact]
        public Task Entity_framework_6_provider_connection_string_with_integrated_security_is_not_reported()
        {
            return TestWith("Web.config", """
                <configuration>
                  <connectionStrings>
                    <add name="ShopEntities" connectionString="metadata=res://*/Shop.csdl|res://*/Shop.ssdl|res://*/Shop.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source=db;initial catalog=Shop;integrated security=True;MultipleActiveResultSets=True&quot;" providerName="System.Data.EntityClient" />
                  </connectionStrings>
                </configuration>
                """).RunAsync();
        }

        private static Verify.Test TestWith(string file, string content)
        {
            var test = new Verify.Test { TestCode = "class C { }" };
            test.TestState.AdditionalFiles.Add(("/0/" + file, FakeSecrets.Expand(content)));
            return test;
        }

        private static TheoryData<int> Indexes(int count)
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < count; i++)
            {
                data.Add(i);
            }

            return data;
        }
    }
}
