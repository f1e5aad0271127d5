using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Palisade.Package.Tests
{
    /// <summary>
    /// The strict-mode globalconfig shipped in the package stays in step with Descriptors.cs: every analyzer rule
    /// that is enabled by default is listed as an error, rules that are off by default are left off.
    /// </summary>
    public sealed class StrictGlobalConfigTests
    {
        private static readonly string ConfigPath = Path.Combine(RepositoryPaths.Root, "src", "Palisade.Package", "globalconfig", "palisade_strict.globalconfig");

        private static DiagnosticDescriptor[] AllDescriptors()
        {
            Type descriptors = Assembly.Load("Palisade.Analyzers").GetType("Palisade.Analyzers.Descriptors", throwOnError: true)!;
            return descriptors.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .ToArray();
        }

        private static string[] ConfigLines() =>
            File.ReadAllLines(ConfigPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

        private static string[] ErrorIds() =>
            ConfigLines()
                .Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
                .Select(l => l.Split('=') is var parts && parts[1].Trim() == "error" ? parts[0].Trim()["dotnet_diagnostic.".Length..^".severity".Length] : throw new InvalidOperationException("Not an error line: " + l))
                .ToArray();

        [Fact]
        public void Every_enabled_analyzer_rule_is_an_error_in_strict_mode()
        {
            string[] enabled = AllDescriptors().Where(d => d.IsEnabledByDefault).Select(d => d.Id).OrderBy(i => i).ToArray();

            Assert.NotEmpty(enabled);
            Assert.Equal(enabled, ErrorIds().OrderBy(i => i).ToArray());
        }

        [Fact]
        public void Rules_that_are_off_by_default_stay_off_in_strict_mode()
        {
            string[] disabled = AllDescriptors().Where(d => !d.IsEnabledByDefault).Select(d => d.Id).ToArray();

            Assert.All(disabled, id => Assert.DoesNotContain(id, ErrorIds()));
        }

        [Fact]
        public void Strict_config_is_global_with_a_level_below_user_configuration()
        {
            string[] lines = ConfigLines();

            Assert.Contains("is_global = true", lines);
            string level = Assert.Single(lines, l => l.StartsWith("global_level", StringComparison.Ordinal));
            Assert.True(int.Parse(level.Split('=')[1].Trim()) < 0, level);
        }

        [Fact]
        public void Build_task_rules_are_not_in_the_compiler_config()
        {
            Assert.DoesNotContain(ErrorIds(), id => id.StartsWith("PAL5", StringComparison.Ordinal));
        }
    }
}
