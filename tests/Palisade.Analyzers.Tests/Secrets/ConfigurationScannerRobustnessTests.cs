using System.Collections.Immutable;
using Palisade.Analyzers.Secrets;
using Palisade.Analyzers.Secrets.ConfigurationFiles;
using Palisade.Analyzers.Shared;
using Xunit;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>Every prefix of every labelled configuration file (a file cut anywhere) scans without an exception.</summary>
    public class ConfigurationScannerRobustnessTests
    {
        [Fact]
        public void Scanners_never_throw_on_truncated_or_malformed_files()
        {
            var scanned = 0;
            foreach (var (_, content) in ConfigurationFileCases.Flagged)
            {
                var text = SecretSources.WithoutMarkup(FakeSecrets.Expand(content));
                for (var length = 0; length <= text.Length; length++)
                {
                    var part = text.Substring(0, length);
                    foreach (var entry in JsonConfigurationScanner.Scan(part))
                    {
                        Assert.InRange(entry.Start + entry.Length, 0, part.Length);
                        ConfigurationFileSecretAnalyzer.Judge(entry, SecretNames.Default, ImmutableHashSet<string>.Empty);
                    }

                    foreach (var entry in XmlConfigurationScanner.Scan(part))
                    {
                        Assert.InRange(entry.Start + entry.Length, 0, part.Length);
                    }

                    foreach (var entry in DotEnvScanner.Scan(part))
                    {
                        Assert.InRange(entry.Start + entry.Length, 0, part.Length);
                    }

                    scanned++;
                }
            }

            Assert.True(scanned > 1000);
        }

        [Theory]
        [InlineData("{\"a\":{\"b\":[1,\"x\",{\"c\":\"d\"}]}}", "a:b:1", "x")]
        [InlineData("{\"a\":{\"b\":[1,\"x\",{\"c\":\"d\"}]}}", "a:b:2:c", "d")]
        [InlineData("{\"k\":\"v\\\"q\"}", "k", "v\"q")]
        public void Json_scanner_reports_configuration_key_paths(string json, string path, string value)
        {
            Assert.Contains(JsonConfigurationScanner.Scan(json), e => e.Path == path && e.Value == value);
        }
    }
}
