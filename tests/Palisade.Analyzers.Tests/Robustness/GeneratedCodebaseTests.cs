using System.Linq;
using Microsoft.CodeAnalysis;
using Palisade.Testing;
using Palisade.Testing.Generator;
using Xunit;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>The generator the benchmark and these tests share: valid, deterministic, size-independent files.</summary>
    public sealed class GeneratedCodebaseTests
    {
        [Fact]
        public void A_generated_codebase_compiles_without_errors_against_the_real_libraries()
        {
            var compilation = GeneratedCompilation.Create(GeneratedCompilation.Parse(CodebaseGenerator.Generate(120)), concurrentBuild: true);

            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Take(10);

            Assert.Empty(errors);
        }

        [Fact]
        public void Generation_is_deterministic_and_a_smaller_size_is_a_prefix_of_a_larger_one()
        {
            var small = CodebaseGenerator.Generate(30);
            var large = CodebaseGenerator.Generate(60);

            Assert.Equal(small.Select(f => f.Text), large.Take(30).Select(f => f.Text));
            Assert.Equal(small.Select(f => f.Text), CodebaseGenerator.Generate(30).Select(f => f.Text));
        }

        [Fact]
        public void Files_average_about_a_hundred_lines()
        {
            var files = CodebaseGenerator.Generate(200);

            var average = CodebaseGenerator.CountLines(files) / (double)files.Count;

            Assert.InRange(average, 80, 120);
        }
    }
}
