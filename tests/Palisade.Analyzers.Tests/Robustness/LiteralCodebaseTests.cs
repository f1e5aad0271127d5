using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Palisade.Testing;
using Palisade.Testing.Generator;
using Xunit;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>The benchmark's second workload: literal-dense code and configuration files, valid and deterministic.</summary>
    public sealed class LiteralCodebaseTests
    {
        [Fact]
        public void The_literal_dense_codebase_compiles_without_errors_against_the_real_libraries()
        {
            var compilation = GeneratedCompilation.Create(GeneratedCompilation.Parse(LiteralCodebaseGenerator.Generate(150)), concurrentBuild: true);

            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Take(10);

            Assert.Empty(errors);
        }

        [Fact]
        public void Literal_generation_is_deterministic_and_a_smaller_size_is_a_prefix_of_a_larger_one()
        {
            var small = LiteralCodebaseGenerator.Generate(30);
            var large = LiteralCodebaseGenerator.Generate(60);

            Assert.Equal(small.Select(f => f.Text), large.Take(30).Select(f => f.Text));
            Assert.Equal(small.Select(f => f.Text), LiteralCodebaseGenerator.Generate(30).Select(f => f.Text));
            Assert.Equal(ConfigurationFileGenerator.Generate(200).Select(f => f.Text), ConfigurationFileGenerator.Generate(400).Take(10).Select(f => f.Text));
        }

        [Fact]
        public void Configuration_files_are_of_every_kind_and_between_one_and_two_hundred_kilobytes()
        {
            var files = ConfigurationFileGenerator.Generate(1000);

            Assert.All(files, file => Assert.InRange(file.Text.Length, 1024, 201 * 1024));
            var names = files.Select(file => Path.GetFileName(file.Path)).Distinct().ToList();
            Assert.Contains("appsettings.json", names);
            Assert.Contains("appsettings.Production.json", names);
            Assert.Contains("web.config", names);
            Assert.Contains(".env", names);
            Assert.Contains(files, file => file.Text.Length >= 100 * 1024);
        }

        [Fact]
        public void The_long_method_has_the_requested_number_of_statement_groups_and_compiles()
        {
            var method = LongMethodTemplate.Write(50);
            var compilation = GeneratedCompilation.Create(GeneratedCompilation.Parse(new[] { CoreTemplate.Create(), method }));

            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.InRange(method.LineCount, 50 * LongMethodTemplate.LinesPerGroup, 50 * LongMethodTemplate.LinesPerGroup + 20);
        }
    }
}
