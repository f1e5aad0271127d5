using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Secrets;
using Palisade.Testing;
using Palisade.Testing.Generator;
using Xunit;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// The literal rules find string text through the quotes in the source text instead of walking every token.
    /// Whatever the shape, they must find exactly the tokens a full walk finds.
    /// </summary>
    public sealed class StringLiteralTokensTests
    {
        private const string Tricky = """"
            // A "quoted" comment, and a char '"' before any string.
            /// <summary>Docs with <see cref="Thing"/> and "quotes".</summary>
            #pragma warning disable CS0219 // "reason"
            using System;
            class C
            {
                const char Quote = '"';
                const string Escaped = "a \"b\" c";
                const string Verbatim = @"say ""hi"" to C:\temp";
                const string Raw = """He said "no" twice""";
                const string MultiLineRaw = """
                    "quoted" line
                    """;
                static ReadOnlySpan<byte> Utf8 => "bytes"u8;
                static ReadOnlySpan<byte> RawUtf8 => """raw "bytes" """u8;
                string Formatted(decimal price) => $"{price:C} and {price,8:N2}";
                string Interpolated(int x) => $"a {x} b {(x > 0 ? "pos" : "neg")} c \" d";
                string VerbatimInterpolated(int x) => $@"C:\{x}\""name""";
                string RawInterpolated(int x) => $"""He said "{x}" and {$"nested {x} text"}""";
                string Empty => "";
                string Spaced => " ";
                /* "block" comment */ string After = "after-block";
            #if NEVER
                string Disabled = "disabled";
            #endif
                [Obsolete("attribute text")] void M(string p = "default") { switch (p) { case "label": break; } }
            }
            """";

        [Fact]
        public void Every_shape_of_string_text_is_found_exactly_once_and_nothing_else()
        {
            AssertSameAsFullWalk(CSharpSyntaxTree.ParseText(Tricky, new CSharpParseOptions(LanguageVersion.Preview)));
        }

        [Fact]
        public void Half_typed_code_with_an_unterminated_string_does_not_throw_and_matches_the_walk()
        {
            AssertSameAsFullWalk(CSharpSyntaxTree.ParseText("class C { string s = \"open; void M() { var t = $\"x {y\" + \"z\"; } }"));
        }

        [Fact]
        public void Generated_codebases_give_the_same_tokens_as_a_full_walk()
        {
            foreach (var tree in GeneratedCompilation.Parse(LiteralCodebaseGenerator.Generate(60).Concat(CodebaseGenerator.Generate(60))))
            {
                AssertSameAsFullWalk(tree);
            }
        }

        [Fact]
        public void A_file_longer_than_one_text_chunk_is_scanned_across_chunk_borders()
        {
            // Literals straddling every 4,096-character border at some offset.
            var members = Enumerable.Range(0, 2_000).Select(i => $"const string S{i} = \"value number {i} {new string('x', i % 37)}\";");
            AssertSameAsFullWalk(CSharpSyntaxTree.ParseText("class C {\n" + string.Join("\n", members) + "\n}"));
        }

        [Fact]
        public void Skipping_literals_by_their_characters_changes_no_candidate_of_either_rule()
        {
            var trees = GeneratedCompilation.Parse(LiteralCodebaseGenerator.Generate(120).Concat(CodebaseGenerator.Generate(60)))
                .Append(CSharpSyntaxTree.ParseText(Tricky, new CSharpParseOptions(LanguageVersion.Preview)))
                .Append(CSharpSyntaxTree.ParseText(JoinedOverLines));
            var candidates = 0;
            foreach (var tree in trees)
            {
                var skipping = StringLiteralScan.Scan(tree.GetRoot(), skipByText: true, CancellationToken.None);
                var full = StringLiteralScan.Scan(tree.GetRoot(), skipByText: false, CancellationToken.None);

                Assert.Equal(full.FormatCandidates.Select(t => t.Span), skipping.FormatCandidates.Select(t => t.Span));
                Assert.Equal(full.CredentialCandidates.Select(t => t.Span), skipping.CredentialCandidates.Select(t => t.Span));
                Assert.Equal(full.Concatenations.Select(c => c.Span), skipping.Concatenations.Select(c => c.Span));
                candidates += full.FormatCandidates.Length + full.CredentialCandidates.Length + full.Concatenations.Length;
            }

            // The comparison means something only if there were candidates to lose.
            Assert.True(candidates > 100, $"only {candidates} candidates");
        }

        /// <summary>
        /// Concatenations whose parts each fail the gates alone, laid out every way a '+' can sit, and multi-line
        /// strings that open on a line whose other literals cannot hold a secret.
        /// </summary>
        private const string JoinedOverLines = """
            class J
            {
                const string A = "Server=db" +
                    ";Password=pw1";
                const string B = "Server=db"
                    + ";Password=pw2";
                const string C = ("Server=db")
                    + (
                    ";Password=pw3");
                const string D = "Server=db" /* why */ + ";Password=pw4";
                const string E = "Server=db" /*
                    */ + ";Password=pw5";
                const string F = "user:pw6" + "@db.example";
                const string G = "ghp_0123456789" + "abcdefghijABCDEFGHIJ0123";
                // Quotes that pair up wrongly when read as text: comments, character literals, holes.
                /* "x */ string K = "Server=db;Password=pw9;"; char L = '"'; string M = "Server=db;Password=pw10;";
                string N(char c) => $"{(c == '}' ? 1 : 2)}" + $"{c /* } */ + "q"} Server=db;Password=pw11;";
                string O(int x) => $"{x} {{ literal }} Server=db;Password=pw12;" + @"C:\temp\""quoted"" Server=db;Password=pw13;";
                // A line whose first literal clears it, then strings that continue on the next lines.
                string H = "x"; string I = @"
                    Server=db;Password=pw7;"; string J = $"{H}
                    ;Password=pw8;Server=db" + "z";
            }
            """;

        private static void AssertSameAsFullWalk(SyntaxTree tree)
        {
            var root = tree.GetRoot();
            var expected = root.DescendantTokens().Where(StringLiteralTokens.IsStringText).Select(t => t.Span).OrderBy(s => s.Start).ToList();
            var found = StringLiteralTokens.Find(root, CancellationToken.None).Select(t => t.Span).ToList();

            Assert.Equal(found.Count, found.Distinct().Count());
            var missing = expected.Except(found).Select(s => tree.GetText().ToString(TextSpan.FromBounds(System.Math.Max(0, s.Start - 60), System.Math.Min(tree.Length, s.End + 20)))).FirstOrDefault();
            Assert.True(missing is null, missing);
            Assert.Equal(expected, found.OrderBy(s => s.Start));
        }
    }
}
