using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;
using Palisade.Analyzers.Tests.Verifiers;
using Xunit;

namespace Palisade.Analyzers.Tests.Shared
{
    /// <summary>
    /// The shared "where does this string come from" helper, on its own: each case decomposes the argument of the
    /// last <c>Sink(...)</c> call and compares the parts ("text", {untrusted}, {safe:...}) and exactness.
    /// </summary>
    public class StringTracerTests
    {
        private static readonly string[] NoSanitizers = new string[0];

        private const string Template = """
            using System;
            using System.Collections.Generic;
            using System.Text;

            class C
            {
                static readonly string Table = "T";
                static readonly Dictionary<string, string> Map = new() { ["a"] = "A" };
                static void Sink(string s) { }
                static string Quote(string s) => "[" + s + "]";
                static string Helper(string a) => "x" + a;
                void M(string name, int id, char c, string[] names, int[] ids)
                {
                    BODY
                }
            }
            """;

        [Theory]
        [InlineData("""Sink("a" + "b");""", "\"ab\"")]
        [InlineData("""Sink("a" + name + "b");""", "\"a\" + {name} + \"b\"")]
        [InlineData("""Sink($"a{name}b{id}");""", "\"a\" + {name} + \"b\" + {safe:id}")]
        [InlineData("""Sink($"a{id:N2}");""", "\"a\" + {safe:{id:N2}}")]
        [InlineData("""Sink(string.Format("a{0}b{1}", name, id));""", "\"a\" + {name} + \"b\" + {safe:id}")]
        [InlineData("""Sink(string.Concat("a", name));""", "\"a\" + {name}")]
        [InlineData("""Sink(string.Join(",", ids));""", "{safe:ids}")]
        [InlineData("""Sink(string.Join(",", names));""", "{names} (inexact)")]
        [InlineData("""Sink("a" + c);""", "\"a\" + {c}")]
        [InlineData("""Sink("a" + Table);""", "\"a\" + {safe:Table}")]
        [InlineData("""Sink("a" + Map[name]);""", "\"a\" + {safe:Map[name]}")]
        [InlineData("""Sink("a" + (id > 0 ? "x" : "y"));""", "\"a\" + {safe:id > 0 ? \"x\" : \"y\"}")]
        [InlineData("""Sink("a" + (id > 0 ? name : "y"));""", "\"a\" + {name} (inexact)")]
        [InlineData("""var s = "a" + name; Sink(s);""", "\"a\" + {name}")]
        [InlineData("""var s = "a"; if (id > 0) s += name; s += "b"; Sink(s);""", "\"a\" + {name} + \"b\" (inexact)")]
        [InlineData("""var sb = new StringBuilder("a"); sb.Append(name).AppendLine(); Sink(sb.ToString());""", "\"a\" + {name} + \"\n\" (inexact)")]
        [InlineData("""Sink(Helper(name));""", "\"x\" + {name} (inexact)")]
        [InlineData("""Sink(Helper("y"));""", "\"xy\" (inexact)")]
        [InlineData("""Sink(name.Trim());""", "{name} (inexact)")]
        [InlineData("""Sink(nameof(M) + id.ToString());""", "\"M\" + {safe:id.ToString()}")]
        public void Decomposes(string body, string expected)
        {
            Assert.Equal(expected, Decompose(body, NoSanitizers).ToString());
        }

        [Fact]
        public void A_configured_sanitizer_makes_its_result_a_safe_hole()
        {
            var body = """Sink("SELECT * FROM " + Quote(name));""";
            Assert.Equal("\"SELECT * FROM \" + {safe:Quote(name)}", Decompose(body, new[] { "C.Quote" }).ToString());
            Assert.True(Decompose(body, NoSanitizers).HasUntrustedHoles);
        }

        [Fact]
        public void TextBefore_and_TextAfter_give_the_constant_text_around_a_hole()
        {
            var composition = Decompose("""Sink("a" + id + "b" + name + "c");""", NoSanitizers);
            var hole = composition.UntrustedHoleIndexes().Single();
            Assert.Equal("b", composition.TextBefore(hole));
            Assert.Equal("a?b", composition.AllTextBefore(hole));
            Assert.Equal("c", composition.TextAfter(hole));
        }

        [Fact]
        public void Broken_code_gives_holes_instead_of_throwing()
        {
            var composition = Decompose("""Sink("a" + missing + Undefined());""", NoSanitizers, allowErrors: true);
            Assert.True(composition.HasUntrustedHoles);
        }

        private static CSharpCompilation CreateCompilation(string body, bool allowErrors)
        {
            var tree = CSharpSyntaxTree.ParseText(Template.Replace("BODY", body), new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("T", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            if (!allowErrors)
            {
                Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            }

            return compilation;
        }

        private static StringComposition Decompose(string body, string[] sanitizers, bool allowErrors = false)
        {
            var compilation = CreateCompilation(body, allowErrors);
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Last(i => i.Expression.ToString() == "Sink");
            var value = model.GetOperation(call.ArgumentList.Arguments[0].Expression)!;
            return new StringTracer(compilation, MethodList.Parse(compilation, sanitizers)).Decompose(value);
        }
    }
}
