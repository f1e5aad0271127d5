using System.Threading.Tasks;
using Palisade.Analyzers.Unsafe;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Unsafe.UnsafeWithoutJustificationAnalyzer>;

namespace Palisade.Analyzers.Tests.Unsafe
{
    public class UnsafeWithoutJustificationTests
    {
        private const string Reason = "// SAFETY: the pointer never leaves the pinned buffer";

        private const string PlaceholderTail = "; the one it has is still a placeholder";

        private const string NoReasonTail = "; the one it has gives no reason";

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string construct, string tail = "") =>
            Verify.Diagnostic(Descriptors.UnsafeWithoutJustification).WithLocation(location).WithArguments(construct, "// SAFETY:", tail);

        /// <summary>Every kind of unsafe construct. "/*S*/" marks the line where the SAFETY comment goes.</summary>
        public static TheoryData<string, string> ConstructKinds => new TheoryData<string, string>
        {
            { "class C { void M() {\n/*S*/{|#0:unsafe|} { int* p = null; } } }", "Unsafe block" },
            { "class C {\n/*S*/{|#0:unsafe|} void M(int* p) { } }", "Unsafe method 'M'" },
            { "class C {\n/*S*/public static {|#0:unsafe|} int* M() => null; }", "Unsafe method 'M'" },
            { "class C { void M() {\n/*S*/{|#0:unsafe|} void Local(int* p) { }\n } }", "Unsafe local function 'Local'" },
            { "class C {\n/*S*/public static {|#0:unsafe|} C operator +(C a, C b) => a; }", "Unsafe operator '+'" },
            { "class C {\n/*S*/public static {|#0:unsafe|} implicit operator int(C c) => 0; }", "Unsafe conversion operator to 'int'" },
            { "class C {\n/*S*/{|#0:unsafe|} int* P => null; }", "Unsafe property 'P'" },
            { "class C {\n/*S*/{|#0:unsafe|} int* this[int i] => null; }", "Unsafe indexer" },
            { "class C {\n/*S*/{|#0:unsafe|} C(int* p) { } }", "Unsafe constructor of 'C'" },
            { "class C {\n/*S*/{|#0:unsafe|} ~C() { } }", "Unsafe finalizer of 'C'" },
            { "class C {\n/*S*/private {|#0:unsafe|} int* _p; }", "Unsafe field '_p'" },
            { "struct S {\n/*S*/public {|#0:unsafe|} fixed byte Buffer[16]; }", "Unsafe field 'Buffer'" },
            { "class C {\n/*S*/{|#0:unsafe|} event System.Action? E; }", "Unsafe event 'E'" },
            { "class C {\n/*S*/{|#0:unsafe|} event System.Action E { add { } remove { } } }", "Unsafe event 'E'" },
            { "class C {\n/*S*/{|#0:unsafe|} delegate void D(int* p); }", "Unsafe delegate 'D'" },
            { "\n/*S*/{|#0:unsafe|} class C { }", "Unsafe class 'C'" },
            { "\n/*S*/public {|#0:unsafe|} partial class C { }", "Unsafe class 'C'" },
            { "\n/*S*/{|#0:unsafe|} struct S { }", "Unsafe struct 'S'" },
            { "\n/*S*/{|#0:unsafe|} interface I { }", "Unsafe interface 'I'" },
            { "\n/*S*/{|#0:unsafe|} record R;", "Unsafe record 'R'" },
            { "\n/*S*/{|#0:unsafe|} record struct R;", "Unsafe record 'R'" },
            { "\n/*S*/using {|#0:unsafe|} IntPointer = int*;\nclass C { }", "Unsafe using alias 'IntPointer'" },
        };

        [Theory]
        [MemberData(nameof(ConstructKinds))]
        public Task Unsafe_construct_without_a_comment_is_flagged(string source, string construct) =>
            Verify.VerifyAnalyzerAsync(source.Replace("/*S*/", string.Empty), Expected(0, construct));

        [Theory]
        [MemberData(nameof(ConstructKinds))]
        public Task Unsafe_construct_with_a_safety_comment_above_is_justified(string source, string construct)
        {
            _ = construct;
            return Verify.VerifyAnalyzerAsync(Unmarked(source).Replace("/*S*/", Reason + "\n"));
        }

        [Theory]
        [MemberData(nameof(ConstructKinds))]
        public Task Unsafe_construct_with_a_placeholder_comment_is_still_flagged(string source, string construct) =>
            Verify.VerifyAnalyzerAsync(source.Replace("/*S*/", SafetyComments.Placeholder + "\n"), Expected(0, construct, PlaceholderTail));

        /// <summary>Places where a SAFETY comment counts: above with blank lines, attributes or directives between, or first inside the block.</summary>
        [Theory]
        [InlineData("blank lines between", """
            class C
            {
                void M()
                {
                    // SAFETY: the pointer never leaves the pinned buffer


                    unsafe { int* p = null; }
                }
            }
            """)]
        [InlineData("comment above the attributes", """
            using System;
            class C
            {
                // SAFETY: callers pass a buffer of at least four bytes
                [Obsolete("old")]
                [CLSCompliant(false)]
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("comment between attribute and declaration", """
            using System;
            class C
            {
                [Obsolete("old")]
                // SAFETY: callers pass a buffer of at least four bytes
                public unsafe void M(int* p) { }
            }
            """)]
        [InlineData("comment between two attribute lists", """
            using System;
            class C
            {
                [Obsolete("old")]
                // SAFETY: callers pass a buffer of at least four bytes
                [CLSCompliant(false)]
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("first line inside the block", """
            class C
            {
                void M()
                {
                    unsafe
                    {
                        // SAFETY: the pointer never leaves the pinned buffer
                        int* p = null;
                    }
                }
            }
            """)]
        [InlineData("first line inside an empty block", """
            class C
            {
                void M()
                {
                    unsafe
                    {
                        // SAFETY: nothing here dereferences a pointer yet
                    }
                }
            }
            """)]
        [InlineData("same line as the opening brace", """
            class C
            {
                void M()
                {
                    unsafe { // SAFETY: the pointer never leaves the pinned buffer
                        int* p = null;
                    }
                }
            }
            """)]
        [InlineData("first line inside an unsafe method body", """
            class C
            {
                unsafe void M(int* p)
                {
                    // SAFETY: callers pass a buffer of at least four bytes
                    *p = 1;
                }
            }
            """)]
        [InlineData("#if between comment and block", """
            class C
            {
                void M()
                {
                    // SAFETY: the pointer never leaves the pinned buffer
            #if !NEVER_DEFINED
                    unsafe { int* p = null; }
            #endif
                }
            }
            """)]
        [InlineData("#region between comment and method", """
            class C
            {
                // SAFETY: callers pass a buffer of at least four bytes
                #region Pointers
                unsafe void M(int* p) { }
                #endregion
            }
            """)]
        [InlineData("#pragma between comment and method", """
            class C
            {
                // SAFETY: callers pass a buffer of at least four bytes
            #pragma warning disable CS0168
                unsafe void M(int* p) { }
            #pragma warning restore CS0168
            }
            """)]
        [InlineData("comment inside an active #if branch", """
            class C
            {
            #if !NEVER_DEFINED
                // SAFETY: callers pass a buffer of at least four bytes
            #endif
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("block comment above", """
            class C
            {
                /* SAFETY: callers pass a buffer of at least four bytes */
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("block comment on the same line", """
            class C
            {
                void M()
                {
                    /* SAFETY: the pointer never leaves the pinned buffer */ unsafe { int* p = null; }
                }
            }
            """)]
        [InlineData("boxed block comment", """
            class C
            {
                /*
                 * SAFETY: callers pass a buffer of at least four bytes,
                 * checked by the public wrapper.
                 */
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("SAFETY line first of a // group, reason on the next line", """
            class C
            {
                // SAFETY:
                // callers pass a buffer of at least four bytes
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("SAFETY line after another comment line", """
            class C
            {
                // Writes the header.
                // SAFETY: callers pass a buffer of at least four bytes
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("doc comment line", """
            class C
            {
                /// <summary>Writes the header.</summary>
                /// SAFETY: callers pass a buffer of at least four bytes
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("doc comment remarks", """
            class C
            {
                /// <summary>Writes the header.</summary>
                /// <remarks>SAFETY: callers pass a buffer of at least four bytes</remarks>
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("doc comment then SAFETY comment", """
            class C
            {
                /// <summary>Writes the header.</summary>
                // SAFETY: callers pass a buffer of at least four bytes
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("lower-case marker", """
            class C
            {
                // safety: callers pass a buffer of at least four bytes
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("mixed-case marker", """
            class C
            {
                // Safety: callers pass a buffer of at least four bytes
                unsafe void M(int* p) { }
            }
            """)]
        [InlineData("comment above a label-free statement after other statements", """
            class C
            {
                void M()
                {
                    var x = 1;
                    // SAFETY: the pointer only ever points at x, which lives on the stack
                    unsafe { int* p = &x; }
                }
            }
            """)]
        [InlineData("first line inside an unsafe constructor body", """
            class C
            {
                private readonly int _first;

                unsafe C(int* p)
                {
                    // SAFETY: callers pass a buffer of at least four bytes
                    _first = *p;
                }
            }
            """)]
        [InlineData("first line inside an unsafe local function body", """
            class C
            {
                void M()
                {
                    unsafe int Local(int* p)
                    {
                        // SAFETY: callers pass a buffer of at least four bytes
                        return *p;
                    }
                }
            }
            """)]
        [InlineData("unsafe block as the body of an if", """
            class C
            {
                void M(bool b)
                {
                    var x = 1;
                    if (b)
                        // SAFETY: the pointer only ever points at x, which lives on the stack
                        unsafe { int* p = &x; }
                }
            }
            """)]
        [InlineData("block inside a lambda", """
            class C
            {
                System.Action M() => () =>
                {
                    var x = 1;
                    // SAFETY: the pointer only ever points at x, which lives on the stack
                    unsafe { int* p = &x; }
                };
            }
            """)]
        public Task Safety_comment_in_an_accepted_place_justifies(string place, string source)
        {
            _ = place;
            return Verify.VerifyAnalyzerAsync(source);
        }

        /// <summary>Places where a SAFETY comment does not count: not adjacent, after code, in inactive code, below.</summary>
        [Theory]
        [InlineData("far away, code between", """
            class C
            {
                void M()
                {
                    // SAFETY: the pointer never leaves the pinned buffer
                    var x = 1;
                    {|#0:unsafe|} { int* p = &x; }
                }
            }
            """)]
        [InlineData("at the end of the previous code line", """
            class C
            {
                void M()
                {
                    var x = 1; // SAFETY: the pointer never leaves the pinned buffer
                    {|#0:unsafe|} { int* p = &x; }
                }
            }
            """)]
        [InlineData("inside an inactive #if branch", """
            class C
            {
                void M()
                {
            #if NEVER_DEFINED
                    // SAFETY: the pointer never leaves the pinned buffer
            #endif
                    {|#0:unsafe|} { int* p = null; }
                }
            }
            """)]
        [InlineData("inactive code between comment and block", """
            class C
            {
                void M()
                {
                    // SAFETY: the pointer never leaves the pinned buffer
            #if NEVER_DEFINED
                    Console.WriteLine();
            #endif
                    {|#0:unsafe|} { int* p = null; }
                }
            }
            """)]
        [InlineData("below the block", """
            class C
            {
                void M()
                {
                    {|#0:unsafe|} { int* p = null; }
                    // SAFETY: the pointer never leaves the pinned buffer
                }
            }
            """)]
        [InlineData("on the second line inside the block", """
            class C
            {
                void M()
                {
                    {|#0:unsafe|}
                    {
                        int x = 1;
                        // SAFETY: the pointer never leaves the pinned buffer
                        int* p = &x;
                    }
                }
            }
            """)]
        [InlineData("above the enclosing safe method", """
            class C
            {
                // SAFETY: the pointer never leaves the pinned buffer
                void M()
                {
                    var x = 1;
                    {|#0:unsafe|} { int* p = &x; }
                }
            }
            """)]
        [InlineData("comment without the marker", """
            class C
            {
                void M()
                {
                    // This is safe: the pointer never leaves the pinned buffer
                    {|#0:unsafe|} { int* p = null; }
                }
            }
            """)]
        [InlineData("marker without the colon", """
            class C
            {
                void M()
                {
                    // SAFETY the pointer never leaves the pinned buffer
                    {|#0:unsafe|} { int* p = null; }
                }
            }
            """)]
        [InlineData("marker in the middle of the line", """
            class C
            {
                void M()
                {
                    // Note SAFETY: the pointer never leaves the pinned buffer
                    {|#0:unsafe|} { int* p = null; }
                }
            }
            """)]
        [InlineData("first line inside the body of a safe method", """
            class C
            {
                void M()
                {
                    // SAFETY: the pointer never leaves the pinned buffer
                    int x = 1;
                    {|#0:unsafe|} { int* p = &x; }
                }
            }
            """)]
        [InlineData("#region name is not a comment", """
            class C
            {
                void M()
                {
                    #region SAFETY: the pointer never leaves the pinned buffer
                    {|#0:unsafe|} { int* p = null; }
                    #endregion
                }
            }
            """)]
        [InlineData("comment after a directive on its line", """
            class C
            {
                void M()
                {
            #if !NEVER_DEFINED // SAFETY: the pointer never leaves the pinned buffer
                    {|#0:unsafe|} { int* p = null; }
            #endif
                }
            }
            """)]
        [InlineData("comment above an earlier statement in the same block", """
            class C
            {
                void M()
                {
                    var x = 1;
                    // SAFETY: the pointer never leaves the pinned buffer
                    x++;

                    {|#0:unsafe|} { int* p = &x; }
                }
            }
            """)]
        public Task Safety_comment_in_the_wrong_place_does_not_justify(string place, string source)
        {
            _ = place;
            return Verify.VerifyAnalyzerAsync(source, Expected(0, "Unsafe block"));
        }

        [Fact]
        public async Task Generated_code_is_not_flagged()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/Interop.g.cs", "// <auto-generated/>\nunsafe class Generated { unsafe void M(int* p) { } }\n"));
            test.TestState.Sources.Add(("/Mine.cs", "{|#0:unsafe|} class Mine { }\n"));
            test.ExpectedDiagnostics.Add(Expected(0, "Unsafe class 'Mine'"));
            await test.RunAsync();
        }

        [Fact]
        public Task Each_partial_declaration_needs_its_own_justification() =>
            Verify.VerifyAnalyzerAsync("""
                // SAFETY: the fixed buffer is only indexed through the bounds-checked Get method
                unsafe partial struct Header
                {
                    public fixed byte Bytes[16];
                }

                {|#0:unsafe|} partial struct Header
                {
                    public byte Get(int i) => (uint)i < 16 ? Bytes[i] : (byte)0;
                }
                """,
                Expected(0, "Unsafe struct 'Header'"));

        [Fact]
        public Task SuppressMessage_on_one_partial_declaration_covers_the_other_parts() =>
            // Applied by the compiler, which merges the attributes of every part into the one type symbol.
            Verify.VerifyAnalyzerAsync("""
                [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "PAL4001", Justification = "Header layout reviewed in SEC-77")]
                unsafe partial struct Header
                {
                    public fixed byte Bytes[16];
                }

                unsafe partial struct Header
                {
                    public unsafe byte* First() => null;
                }
                """);

        [Fact]
        public async Task Top_level_statements_are_flagged_and_justified_like_any_block()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    var x = 1;
                    // SAFETY: the pointer only ever points at x, which lives on the stack
                    unsafe { int* p = &x; }
                    {|#0:unsafe|} { int* q = &x; }
                    """,
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Expected(0, "Unsafe block"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("TODO")]
        [InlineData("todo: write this")]
        [InlineData("TODO explain why this is sound")]
        [InlineData("FIXME: the buffer might be too small")]
        [InlineData("TBD")]
        [InlineData("...")]
        [InlineData("…")]
        [InlineData("ok")]
        [InlineData("safe")]
        [InlineData("trust me")]
        [InlineData("seems fine")]
        [InlineData("checked")]
        [InlineData("XXX later")]
        public Task Weak_reason_is_no_reason(string reason) =>
            Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    // SAFETY: {{reason}}
                    {|#0:unsafe|} void M(int* p) { }
                }
                """,
                Expected(0, "Unsafe method 'M'", SafetyComments.Classify(reason) == SafetyMark.Placeholder ? PlaceholderTail : NoReasonTail));

        [Theory]
        [InlineData("callers pass a buffer of at least four bytes")]
        [InlineData("p is pinned by the caller")]
        [InlineData("length checked above.")]
        [InlineData("interop with libc; the pointer is owned by the native side")]
        public Task Real_reason_is_accepted(string reason) =>
            Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    // SAFETY: {{reason}}
                    unsafe void M(int* p) { }
                }
                """);

        [Fact]
        public Task Nested_unsafe_code_inside_a_justified_unsafe_method_is_covered() =>
            Verify.VerifyAnalyzerAsync("""
                class C
                {
                    // SAFETY: callers pass a buffer of at least four bytes
                    unsafe void M(int* p)
                    {
                        unsafe { *p = 1; }
                        unsafe void Local(int* q) { }
                        Local(p);
                    }
                }
                """);

        [Fact]
        public Task Members_inside_a_justified_unsafe_type_are_covered() =>
            Verify.VerifyAnalyzerAsync("""
                // SAFETY: every member works on buffers the constructor pins for the object's lifetime
                unsafe class Buffer
                {
                    private unsafe int* _p;
                    unsafe int* P => _p;
                    unsafe void M() { unsafe { *_p = 1; } }
                    unsafe struct Inner { }
                }
                """);

        [Fact]
        public Task An_unjustified_unsafe_type_is_reported_once_covering_its_members() =>
            Verify.VerifyAnalyzerAsync("""
                {|#0:unsafe|} class Buffer
                {
                    {|#1:unsafe|} void M(int* p)
                    {
                        {|#2:unsafe|} { *p = 1; }
                    }

                    private {|#3:unsafe|} int* _p;
                    {|#4:unsafe|} struct Inner { {|#5:unsafe|} void N() { } }
                }
                """,
                Expected(0, "Unsafe class 'Buffer' (with 5 unsafe constructs inside it)")
                    .WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(4).WithLocation(5));

        [Fact]
        public Task Members_of_an_unjustified_type_that_have_their_own_reason_are_not_counted() =>
            Verify.VerifyAnalyzerAsync("""
                {|#0:unsafe|} class Buffer
                {
                    // SAFETY: callers pass a buffer of at least four bytes
                    unsafe void M(int* p) { unsafe { *p = 1; } }

                    {|#1:unsafe|} void N(int* p) { }
                }
                """,
                Expected(0, "Unsafe class 'Buffer' (with 1 unsafe construct inside it)").WithLocation(1));

        [Fact]
        public Task Unjustified_levels_inside_an_ordinary_type_are_each_flagged() =>
            Verify.VerifyAnalyzerAsync("""
                class Buffer
                {
                    {|#0:unsafe|} void M(int* p)
                    {
                        {|#1:unsafe|} { *p = 1; }
                    }

                    {|#2:unsafe|} void N(int* p) { }
                }
                """,
                Expected(0, "Unsafe method 'M'"),
                Expected(1, "Unsafe block"),
                Expected(2, "Unsafe method 'N'"));

        [Fact]
        public Task The_message_says_when_the_comment_is_only_a_placeholder_or_too_short() =>
            Verify.VerifyAnalyzerAsync("""
                class C
                {
                    // SAFETY: TODO explain why this is sound
                    {|#0:unsafe|} void M(int* p) { }

                    // SAFETY: ok
                    {|#1:unsafe|} void N(int* p) { }
                }
                """,
                Expected(0, "Unsafe method 'M'", PlaceholderTail),
                Expected(1, "Unsafe method 'N'", NoReasonTail));

        [Theory]
        [InlineData("Justification:")]
        [InlineData("Justification:, Safety:")]
        [InlineData("Justification: ; SAFETY:")]
        public async Task Configured_markers_replace_the_default(string markers)
        {
            var test = new Verify.Test
            {
                TestCode = """
                    class C
                    {
                        // Justification: callers pass a buffer of at least four bytes
                        unsafe void M(int* p) { }

                        // Justification: TODO
                        {|#0:unsafe|} void N(int* p) { }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npalisade.unsafe.justification_markers = " + markers + "\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.UnsafeWithoutJustification).WithLocation(0)
                .WithArguments("Unsafe method 'N'", "// Justification:", PlaceholderTail));
            await test.RunAsync();
        }

        [Fact]
        public async Task With_other_markers_configured_a_SAFETY_comment_no_longer_counts()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    class C
                    {
                        // SAFETY: callers pass a buffer of at least four bytes
                        {|#0:unsafe|} void M(int* p) { }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npalisade.unsafe.justification_markers = Justification:\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.UnsafeWithoutJustification).WithLocation(0)
                .WithArguments("Unsafe method 'M'", "// Justification:", string.Empty));
            await test.RunAsync();
        }

        [Fact]
        public Task Justified_inner_block_does_not_justify_the_outer_method() =>
            Verify.VerifyAnalyzerAsync("""
                class C
                {
                    {|#0:unsafe|} void M(int* p)
                    {
                        var first = *p;
                        // SAFETY: callers pass a buffer of at least four bytes
                        unsafe { *p = first + 1; }
                    }
                }
                """,
                Expected(0, "Unsafe method 'M'"));

        [Fact]
        public Task A_placeholder_on_the_first_line_inside_an_unsafe_method_does_not_count() =>
            Verify.VerifyAnalyzerAsync("""
                class C
                {
                    {|#0:unsafe|} void M(int* p)
                    {
                        // SAFETY: TODO
                        *p = 1;
                    }
                }
                """,
                Expected(0, "Unsafe method 'M'", PlaceholderTail));

        [Theory]
        [InlineData("[SuppressMessage(\"Security\", \"PAL4001\", Justification = \"Interop layer, reviewed in SEC-142\")]")]
        [InlineData("[SuppressMessage(\"Security\", \"PAL4001:Unsafe code without a SAFETY justification\", Justification = \"Interop layer, reviewed in SEC-142\")]")]
        [InlineData("[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Security\", \"PAL4001\", Justification = \"Interop layer, reviewed in SEC-142\")]")]
        [InlineData("[SuppressMessageAttribute(\"Security\", \"PAL4001\", Justification = \"Interop layer, reviewed in SEC-142\")]")]
        public Task SuppressMessage_on_the_type_covers_its_members(string attribute) =>
            Verify.VerifyAnalyzerAsync($$"""
                using System.Diagnostics.CodeAnalysis;

                {{attribute}}
                unsafe class Buffer
                {
                    unsafe void M(int* p) { unsafe { *p = 1; } }
                }
                """);

        [Fact]
        public Task SuppressMessage_on_a_member_covers_its_blocks() =>
            Verify.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class Buffer
                {
                    [SuppressMessage("Security", "PAL4001", Justification = "Interop layer, reviewed in SEC-142")]
                    void M(int[] values)
                    {
                        unsafe { fixed (int* p = values) { *p = 1; } }
                    }

                    void N()
                    {
                        {|#0:unsafe|} { int* p = null; }
                    }
                }
                """,
                Expected(0, "Unsafe block"));

        // The compiler itself honours a real [SuppressMessage] whatever its Justification says, so the justification
        // check is seen with an attribute the compiler does not know: only Palisade's own reading applies.
        private const string LookAlikeAttribute = """

            namespace Review
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                sealed class SuppressMessageAttribute : System.Attribute
                {
                    public SuppressMessageAttribute(string category, string checkId) { }
                    public string? Justification { get; set; }
                }
            }
            """;

        [Fact]
        public Task SuppressMessage_with_a_justification_is_read_by_name() =>
            Verify.VerifyAnalyzerAsync("""
                [Review.SuppressMessage("Security", "PAL4001", Justification = "Interop layer, reviewed in SEC-142")]
                unsafe class Buffer
                {
                    unsafe void M(int* p) { }
                }
                """ + LookAlikeAttribute);

        [Theory]
        [InlineData("Justification = \"\"")]
        [InlineData("Justification = \"TODO\"")]
        [InlineData("Justification = \"n/a\"")]
        [InlineData("")]
        public Task SuppressMessage_without_a_real_justification_does_not_count(string justification) =>
            Verify.VerifyAnalyzerAsync($$"""
                [Review.SuppressMessage("Security", "PAL4001"{{(justification.Length == 0 ? "" : ", " + justification)}})]
                {|#0:unsafe|} class Buffer
                {
                }
                """ + LookAlikeAttribute,
                Expected(0, "Unsafe class 'Buffer'"));

        [Fact]
        public Task SuppressMessage_for_another_rule_does_not_count() =>
            Verify.VerifyAnalyzerAsync("""
                [Review.SuppressMessage("Security", "PAL2001", Justification = "Interop layer, reviewed in SEC-142")]
                {|#0:unsafe|} class Buffer
                {
                }
                """ + LookAlikeAttribute,
                Expected(0, "Unsafe class 'Buffer'"));

        [Fact]
        public Task Code_without_unsafe_is_not_flagged() =>
            Verify.VerifyAnalyzerAsync("""
                // The word unsafe in a comment, a string and an identifier is not the keyword.
                class C
                {
                    string unsafeText = "unsafe";
                    int* M() => null;
                }
                """.Replace("int* M() => null;", "int M() => 0;"));

        [Fact]
        public async Task Nothing_is_reported_when_the_project_does_not_allow_unsafe_code()
        {
            var test = new NoUnsafeTest
            {
                TestCode = "class C { void M() { {|CS0227:unsafe|} { } } }",
            };
            await test.RunAsync();
        }

        private sealed class NoUnsafeTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<UnsafeWithoutJustificationAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            public NoUnsafeTest()
            {
                ReferenceAssemblies = Verifiers.TestReferences.None;
                TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.All);
            }

            protected override Microsoft.CodeAnalysis.CompilationOptions CreateCompilationOptions() =>
                ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)base.CreateCompilationOptions()).WithAllowUnsafe(false);
        }

        private static string Unmarked(string source) => source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
    }
}
