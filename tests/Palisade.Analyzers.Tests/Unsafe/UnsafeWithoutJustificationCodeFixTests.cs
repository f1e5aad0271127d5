using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Palisade.CodeFixes.Unsafe;
using Xunit;
using FixApi = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Unsafe.UnsafeApiWithoutJustificationAnalyzer, Palisade.CodeFixes.Unsafe.UnsafeWithoutJustificationCodeFix>;
using Fix = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Unsafe.UnsafeWithoutJustificationAnalyzer, Palisade.CodeFixes.Unsafe.UnsafeWithoutJustificationCodeFix>;

namespace Palisade.Analyzers.Tests.Unsafe
{
    /// <summary>
    /// The fix inserts a placeholder that is deliberately no reason, so the warning must still be there afterwards:
    /// every test lists the diagnostic in the fixed state too. The verifier also compiles the fixed code.
    /// </summary>
    public class UnsafeWithoutJustificationCodeFixTests
    {
        private const string PlaceholderTail = "; the one it has is still a placeholder";

        private static DiagnosticResult Unsafe(int location, string construct) =>
            Fix.Diagnostic(Descriptors.UnsafeWithoutJustification).WithLocation(location).WithArguments(construct, "// SAFETY:", string.Empty);

        /// <summary>After the fix the same construct is reported, and the message says its comment is a placeholder.</summary>
        private static DiagnosticResult AfterFix(DiagnosticResult result) =>
            result.Id == DiagnosticIds.UnsafeWithoutJustification && result.MessageArguments is { Length: 3 } arguments && arguments[2] is ""
                ? result.WithArguments(arguments[0]!, arguments[1]!, PlaceholderTail)
                : result;

        private static DiagnosticResult Api(int location, string api) =>
            FixApi.Diagnostic(Descriptors.UnsafeApiWithoutJustification).WithLocation(location).WithArguments(api, "// SAFETY:");

        private static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        {
            var test = new Fix.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = UnsafeWithoutJustificationCodeFix.EquivalenceKey,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(System.Linq.Enumerable.Select(expected, AfterFix));
            return test.RunAsync();
        }

        [Fact]
        public Task Block_gets_a_placeholder_above_it_indented_like_the_block() =>
            VerifyAsync(
                """
                class C
                {
                    void M()
                    {
                        var x = 1;
                        {|#0:unsafe|}
                        {
                            int* p = &x;
                        }
                    }
                }
                """,
                """
                class C
                {
                    void M()
                    {
                        var x = 1;
                        // SAFETY: TODO explain why this is sound
                        {|#0:unsafe|}
                        {
                            int* p = &x;
                        }
                    }
                }
                """,
                Unsafe(0, "Unsafe block"));

        [Fact]
        public Task Method_comment_goes_below_the_doc_comment_and_above_the_attributes() =>
            VerifyAsync(
                """
                using System;

                class C
                {
                    /// <summary>Writes one.</summary>
                    [Obsolete("old")]
                    public {|#0:unsafe|} void M(int* p) => *p = 1;
                }
                """,
                """
                using System;

                class C
                {
                    /// <summary>Writes one.</summary>
                    // SAFETY: TODO explain why this is sound
                    [Obsolete("old")]
                    public {|#0:unsafe|} void M(int* p) => *p = 1;
                }
                """,
                Unsafe(0, "Unsafe method 'M'"));

        [Fact]
        public Task Existing_ordinary_comment_stays_above_the_placeholder() =>
            VerifyAsync(
                """
                class C
                {
                    // Writes one.
                    {|#0:unsafe|} void M(int* p) => *p = 1;
                }
                """,
                """
                class C
                {
                    // Writes one.
                    // SAFETY: TODO explain why this is sound
                    {|#0:unsafe|} void M(int* p) => *p = 1;
                }
                """,
                Unsafe(0, "Unsafe method 'M'"));

        [Fact]
        public Task Type_at_column_zero_gets_an_unindented_comment() =>
            VerifyAsync(
                """
                {|#0:unsafe|} struct S
                {
                    public fixed byte Buffer[16];
                }
                """,
                """
                // SAFETY: TODO explain why this is sound
                {|#0:unsafe|} struct S
                {
                    public fixed byte Buffer[16];
                }
                """,
                Unsafe(0, "Unsafe struct 'S'"));

        [Fact]
        public Task Using_alias_gets_a_comment_above_it() =>
            VerifyAsync(
                """
                using System;
                using {|#0:unsafe|} IntPointer = int*;

                class C { }
                """,
                """
                using System;
                // SAFETY: TODO explain why this is sound
                using {|#0:unsafe|} IntPointer = int*;

                class C { }
                """,
                Unsafe(0, "Unsafe using alias 'IntPointer'"));

        [Fact]
        public Task Block_after_code_on_the_same_line_moves_to_its_own_line() =>
            VerifyAsync(
                """
                class C
                {
                    void M()
                    {
                        var x = 1; {|#0:unsafe|} { int* p = &x; }
                    }
                }
                """,
                """
                class C
                {
                    void M()
                    {
                        var x = 1; 
                        // SAFETY: TODO explain why this is sound
                        {|#0:unsafe|} { int* p = &x; }
                    }
                }
                """,
                Unsafe(0, "Unsafe block"));

        [Fact]
        public Task Crlf_file_stays_crlf() =>
            VerifyAsync(
                "class C\r\n{\r\n    {|#0:unsafe|} void M(int* p) { }\r\n}\r\n",
                "class C\r\n{\r\n    // SAFETY: TODO explain why this is sound\r\n    {|#0:unsafe|} void M(int* p) { }\r\n}\r\n",
                Unsafe(0, "Unsafe method 'M'"));

        [Theory]
        [InlineData("// SAFETY: TODO explain why this is sound")]
        [InlineData("// SAFETY:")]
        [InlineData("/* safety: ok */")]
        public Task No_second_placeholder_when_a_SAFETY_line_already_stands_there(string comment) =>
            VerifyAsync(
                $$"""
                class C
                {
                    {{comment}}
                    {|#0:unsafe|} void M(int* p) { }
                }
                """,
                $$"""
                class C
                {
                    {{comment}}
                    {|#0:unsafe|} void M(int* p) { }
                }
                """,
                Unsafe(0, "Unsafe method 'M'").WithArguments("Unsafe method 'M'", "// SAFETY:", comment.Contains("TODO") ? PlaceholderTail : "; the one it has gives no reason"));

        [Fact]
        public Task Fixed_code_is_justified_once_the_placeholder_is_replaced_by_a_reason() =>
            // The second half of the workflow: the person replaces the TODO and the warning goes away.
            Fix.VerifyAnalyzerAsync("""
                class C
                {
                    void M()
                    {
                        var x = 1;
                        // SAFETY: the pointer only ever points at x, which lives on the stack
                        unsafe
                        {
                            int* p = &x;
                        }
                    }
                }
                """);

        [Fact]
        public async Task Fix_all_adds_one_comment_per_reported_construct()
        {
            // The unsafe type is one report that covers its members, so it gets one comment; an ordinary type's
            // unsafe method and the block inside it are reported, and commented, each on its own.
            var test = new Fix.Test
            {
                TestCode = """
                    {|#0:unsafe|} class Buffer
                    {
                        {|#1:unsafe|} int* _p;

                        {|#2:unsafe|} void M()
                        {
                            {|#3:unsafe|} { *_p = 1; }
                        }
                    }

                    class Plain
                    {
                        {|#4:unsafe|} void M(int* p)
                        {
                            {|#5:unsafe|} { *p = 1; }
                        }
                    }
                    """,
                FixedCode = """
                    // SAFETY: TODO explain why this is sound
                    {|#0:unsafe|} class Buffer
                    {
                        {|#1:unsafe|} int* _p;

                        {|#2:unsafe|} void M()
                        {
                            {|#3:unsafe|} { *_p = 1; }
                        }
                    }

                    class Plain
                    {
                        // SAFETY: TODO explain why this is sound
                        {|#4:unsafe|} void M(int* p)
                        {
                            // SAFETY: TODO explain why this is sound
                            {|#5:unsafe|} { *p = 1; }
                        }
                    }
                    """,
                CodeActionEquivalenceKey = UnsafeWithoutJustificationCodeFix.EquivalenceKey,
                NumberOfFixAllIterations = 1,
            };
            DiagnosticResult[] expected =
            {
                Unsafe(0, "Unsafe class 'Buffer' (with 3 unsafe constructs inside it)").WithLocation(1).WithLocation(2).WithLocation(3),
                Unsafe(4, "Unsafe method 'M'"),
                Unsafe(5, "Unsafe block"),
            };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(System.Linq.Enumerable.Select(expected, AfterFix));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_all_in_solution_covers_every_document()
        {
            var test = new Fix.Test { CodeActionEquivalenceKey = UnsafeWithoutJustificationCodeFix.EquivalenceKey };
            test.TestState.Sources.Add(("/A.cs", "class A\n{\n    {|#0:unsafe|} void M(int* p) { }\n}\n"));
            test.TestState.Sources.Add(("/B.cs", "class B\n{\n    {|#1:unsafe|} void M(int* p) { }\n}\n"));
            test.FixedState.Sources.Add(("/A.cs", "class A\n{\n    // SAFETY: TODO explain why this is sound\n    {|#0:unsafe|} void M(int* p) { }\n}\n"));
            test.FixedState.Sources.Add(("/B.cs", "class B\n{\n    // SAFETY: TODO explain why this is sound\n    {|#1:unsafe|} void M(int* p) { }\n}\n"));
            DiagnosticResult[] expected = { Unsafe(0, "Unsafe method 'M'"), Unsafe(1, "Unsafe method 'M'") };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(System.Linq.Enumerable.Select(expected, AfterFix));
            await test.RunAsync();
        }

        [Fact]
        public async Task With_a_configured_marker_the_placeholder_uses_it()
        {
            var test = new Fix.Test
            {
                TestCode = "class A\n{\n    {|#0:unsafe|} void M(int* p) { }\n}\n",
                FixedCode = "class A\n{\n    // Justification: TODO explain why this is sound\n    {|#0:unsafe|} void M(int* p) { }\n}\n",
                CodeActionEquivalenceKey = UnsafeWithoutJustificationCodeFix.EquivalenceKey,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npalisade.unsafe.justification_markers = Justification:\n"));
            test.ExpectedDiagnostics.Add(Fix.Diagnostic(Descriptors.UnsafeWithoutJustification).WithLocation(0).WithArguments("Unsafe method 'M'", "// Justification:", string.Empty));
            test.FixedState.ExpectedDiagnostics.Add(Fix.Diagnostic(Descriptors.UnsafeWithoutJustification).WithLocation(0).WithArguments("Unsafe method 'M'", "// Justification:", PlaceholderTail));
            await test.RunAsync();
        }

        [Fact]
        public async Task Api_call_gets_the_comment_above_its_statement_and_two_calls_share_one()
        {
            var test = new FixApi.Test
            {
                TestCode = """
                    using System;
                    using System.Runtime.InteropServices;

                    class C
                    {
                        void M()
                        {
                            var size = 16;
                            {|#0:Marshal.FreeHGlobal|}({|#1:Marshal.AllocHGlobal|}(size));
                        }

                        IntPtr N() => {|#2:Marshal.AllocHGlobal|}(8);
                    }
                    """,
                FixedCode = """
                    using System;
                    using System.Runtime.InteropServices;

                    class C
                    {
                        void M()
                        {
                            var size = 16;
                            // SAFETY: TODO explain why this is sound
                            {|#0:Marshal.FreeHGlobal|}({|#1:Marshal.AllocHGlobal|}(size));
                        }

                        // SAFETY: TODO explain why this is sound
                        IntPtr N() => {|#2:Marshal.AllocHGlobal|}(8);
                    }
                    """,
                CodeActionEquivalenceKey = UnsafeWithoutJustificationCodeFix.EquivalenceKey,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.PAL4002.severity = warning\n"));
            DiagnosticResult[] expected = { Api(0, "Marshal.FreeHGlobal"), Api(1, "Marshal.AllocHGlobal"), Api(2, "Marshal.AllocHGlobal") };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        [Fact]
        public void Fix_has_a_public_equivalence_key_and_a_fix_all_provider()
        {
            var fix = new UnsafeWithoutJustificationCodeFix();
            Assert.Equal("Palisade.Unsafe.AddSafetyComment", UnsafeWithoutJustificationCodeFix.EquivalenceKey);
            Assert.Contains("PAL4001", fix.FixableDiagnosticIds);
            Assert.Contains("PAL4002", fix.FixableDiagnosticIds);
            Assert.NotNull(fix.GetFixAllProvider());
        }
    }
}
