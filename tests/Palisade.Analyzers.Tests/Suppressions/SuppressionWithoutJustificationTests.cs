using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Suppressions.SuppressionWithoutJustificationAnalyzer>;

namespace Palisade.Analyzers.Tests.Suppressions
{
    public class SuppressionWithoutJustificationTests
    {
        private const string Usings = "using System.Diagnostics.CodeAnalysis;\n\n";

        private static DiagnosticResult Attribute(int location, string id, bool hasText = false) =>
            Verify.Diagnostic(Descriptors.SuppressionWithoutJustification).WithLocation(location)
                .WithArguments("[SuppressMessage] of " + id, hasText ? "a Justification with a real reason" : "a Justification");

        private static DiagnosticResult Pragma(int location, string ids) =>
            Verify.Diagnostic(Descriptors.SuppressionWithoutJustification).WithLocation(location)
                .WithArguments("'#pragma warning disable " + ids + "'", "a comment on its line");

        [Fact]
        public Task SuppressMessage_of_a_Palisade_rule_without_a_justification_is_flagged() =>
            Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    [{|#0:SuppressMessage("Security", "PAL2001")|}]
                    void M() { }
                }
                """,
                Attribute(0, "PAL2001"));

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("TODO")]
        [InlineData("TODO: explain this later please")]
        [InlineData("n/a")]
        [InlineData("ok")]
        [InlineData("fine")]
        [InlineData("...")]
        public Task SuppressMessage_with_a_weak_justification_is_flagged(string justification) =>
            Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    [{|#0:SuppressMessage("Security", "PAL3001:Sensitive value written to a log", Justification = "{{justification}}")|}]
                    void M() { }
                }
                """,
                Attribute(0, "PAL3001", hasText: !string.IsNullOrWhiteSpace(justification)));

        [Fact]
        public Task Assembly_level_suppression_in_GlobalSuppressions_is_flagged() =>
            Verify.VerifyAnalyzerAsync(Usings + """
                [assembly: {|#0:SuppressMessage("Security", "PAL2003", Scope = "member", Target = "~M:C.M")|}]
                [assembly: {|#1:System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Security", checkId: "pal4001")|}]

                class C { void M() { } }
                """,
                Attribute(0, "PAL2003"),
                Attribute(1, "PAL4001"));

        [Fact]
        public Task Pragma_without_a_comment_is_flagged_once_for_all_its_Palisade_ids() =>
            Verify.VerifyAnalyzerAsync("""
                class C
                {
                {|#0:#pragma warning disable CS0168, PAL2001, PAL3001|}
                    void M() { }
                #pragma warning restore CS0168, PAL2001, PAL3001
                }
                """,
                Pragma(0, "PAL2001, PAL3001"));

        [Theory]
        [InlineData(" // TODO")]
        [InlineData(" // ok")]
        [InlineData(" /* FIXME */")]
        [InlineData("")]
        public Task Pragma_with_a_weak_comment_is_flagged(string comment) =>
            Verify.VerifyAnalyzerAsync($$"""
                class C
                {
                {|#0:#pragma warning disable PAL2001|}{{comment}}
                    const string Password = "x";
                #pragma warning restore PAL2001
                }
                """,
                Pragma(0, "PAL2001"));

        [Fact]
        public Task A_reason_separated_by_a_blank_line_does_not_count() =>
            Verify.VerifyAnalyzerAsync("""
                class C
                {
                // The fixture password of the throw-away test container

                {|#0:#pragma warning disable PAL2001|}
                    const string Password = "x";
                #pragma warning restore PAL2001
                }
                """,
                Pragma(0, "PAL2001"));

        [Fact]
        public Task Justified_suppressions_are_not_flagged() =>
            Verify.VerifyAnalyzerAsync(Usings + """
                static class Reasons
                {
                    public const string Emulator = "Azurite's published development key";
                }

                class C
                {
                    [SuppressMessage("Security", "PAL2001", Justification = "Azurite's published development key, never used in production")]
                    void A() { }

                    [SuppressMessage("Security", "PAL2001:Hard-coded credential", Justification = "Reviewed in " + "SEC-142: emulator key")]
                    void B() { }

                    [SuppressMessage("Security", "PAL2001", Justification = Reasons.Emulator)]
                    void C2() { }

                #pragma warning disable PAL2001 // Azurite's published development key, never used in production
                    const string Key = "x";
                #pragma warning restore PAL2001

                #pragma warning disable PAL2001, PAL3001 /* reviewed in SEC-142: fixture values of the test container */
                    const string Other = "x";
                #pragma warning restore PAL2001, PAL3001

                    // The fixture password of the throw-away test container,
                    // recreated on every run.
                #pragma warning disable PAL2001
                    const string Fixture = "x";
                #pragma warning restore PAL2001
                }
                """);

        [Fact]
        public Task Suppressions_of_other_analyzers_and_look_alikes_are_not_flagged() =>
            Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    [SuppressMessage("Style", "IDE0051")]
                    [SuppressMessage("Security", "CA2100", Justification = "")]
                    [SuppressMessage("Security", "PAL")]
                    [SuppressMessage("Security", "PALISADE")]
                    [System.Obsolete("PAL2001")]
                    void M() { }

                #pragma warning disable CS0168
                #pragma warning restore PAL2001
                    void N() { int unused; }
                #pragma warning restore CS0168
                }
                """);

        [Fact]
        public async Task Generated_code_is_not_flagged()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/Generated.g.cs", "// <auto-generated/>\n#pragma warning disable PAL2001\nclass G { }\n"));
            await test.RunAsync();
        }
    }
}
