using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Unsafe;
using Palisade.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Unsafe.UnsafeApiWithoutJustificationAnalyzer>;

namespace Palisade.Analyzers.Tests.Unsafe
{
    public class UnsafeApiWithoutJustificationTests
    {
        private const string EnableRule = "root = true\n[*]\ndotnet_diagnostic.PAL4002.severity = warning\n";

        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Diagnostics.CodeAnalysis;
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;

            """;

        private static DiagnosticResult Expected(int location, string api) =>
            Verify.Diagnostic(Descriptors.UnsafeApiWithoutJustification).WithLocation(location).WithArguments(api, "// SAFETY:");

        private static Task VerifyEnabledAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Usings + source };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EnableRule));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>One statement per API; "/*S*/" is where a SAFETY comment can go.</summary>
        public static TheoryData<string, string> UnsafeCalls => new TheoryData<string, string>
        {
            { "object o = \"x\";\n/*S*/var s = {|#0:Unsafe.As<string>|}(o);", "Unsafe.As" },
            { "int[] a = { 1, 2 };\n/*S*/ref int r = ref {|#0:Unsafe.Add|}(ref a[0], 1);", "Unsafe.Add" },
            { "int x = 1;\n/*S*/var f = {|#0:Unsafe.As<int, float>|}(ref x);", "Unsafe.As" },
            { "/*S*/var size = {|#0:Unsafe.SizeOf<Guid>|}();", "Unsafe.SizeOf" },
            { "/*S*/var z = {|#0:Unsafe.NullRef<int>|}();", "Unsafe.NullRef" },
            { "Span<byte> bytes = stackalloc byte[8];\n/*S*/var ints = {|#0:MemoryMarshal.Cast<byte, int>|}(bytes);", "MemoryMarshal.Cast" },
            { "Span<byte> bytes = stackalloc byte[8];\n/*S*/ref byte b = ref {|#0:MemoryMarshal.GetReference|}(bytes);", "MemoryMarshal.GetReference" },
            { "int x = 1;\n/*S*/var span = {|#0:MemoryMarshal.CreateSpan|}(ref x, 4);", "MemoryMarshal.CreateSpan" },
            { "ReadOnlySpan<byte> bytes = new byte[8];\n/*S*/var value = {|#0:MemoryMarshal.Read<long>|}(bytes);", "MemoryMarshal.Read" },
            { "var list = new List<int> { 1 };\n/*S*/var span = {|#0:CollectionsMarshal.AsSpan|}(list);", "CollectionsMarshal.AsSpan" },
            { "int[] a = { 1 };\n/*S*/var immutable = {|#0:ImmutableCollectionsMarshal.AsImmutableArray|}(a);", "ImmutableCollectionsMarshal.AsImmutableArray" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/var v = {|#0:Marshal.ReadInt32|}(p);", "Marshal.ReadInt32" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/var v = {|#0:Marshal.ReadIntPtr|}(p, 8);", "Marshal.ReadIntPtr" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/{|#0:Marshal.WriteIntPtr|}(p, IntPtr.Zero);", "Marshal.WriteIntPtr" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/{|#0:Marshal.WriteByte|}(p, 1);", "Marshal.WriteByte" },
            { "/*S*/var p = {|#0:Marshal.AllocHGlobal|}(16);", "Marshal.AllocHGlobal" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/{|#0:Marshal.FreeHGlobal|}(p);", "Marshal.FreeHGlobal" },
            { "/*S*/var p = {|#0:Marshal.AllocCoTaskMem|}(16);", "Marshal.AllocCoTaskMem" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/var g = {|#0:Marshal.PtrToStructure<Guid>|}(p);", "Marshal.PtrToStructure" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/{|#0:Marshal.StructureToPtr|}(Guid.Empty, p, false);", "Marshal.StructureToPtr" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/{|#0:Marshal.Copy|}(new byte[4], 0, p, 4);", "Marshal.Copy" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/var d = {|#0:Marshal.GetDelegateForFunctionPointer<Action>|}(p);", "Marshal.GetDelegateForFunctionPointer" },
            { "IntPtr p = IntPtr.Zero;\n/*S*/var s = {|#0:Marshal.PtrToStringUTF8|}(p);", "Marshal.PtrToStringUTF8" },
            { "/*S*/var p = {|#0:Marshal.StringToHGlobalUni|}(\"x\");", "Marshal.StringToHGlobalUni" },
            { "int[] a = { 1 };\n/*S*/var p = {|#0:Marshal.UnsafeAddrOfPinnedArrayElement|}(a, 0);", "Marshal.UnsafeAddrOfPinnedArrayElement" },
            { "/*S*/Func<IntPtr, int> read = {|#0:Marshal.ReadInt32|};", "Marshal.ReadInt32" },
            { "/*S*/Action<nuint> alloc = n => {|#1:Marshal.FreeHGlobal|}({|#0:Marshal.AllocHGlobal|}((nint)n));", "Marshal.AllocHGlobal" },
        };

        [Theory]
        [MemberData(nameof(UnsafeCalls))]
        public Task Unsafe_api_call_is_flagged_when_enabled(string statements, string api)
        {
            // The lambda case makes two calls: FreeHGlobal is the second finding there.
            var expected = statements.Contains("{|#1:")
                ? new[] { Expected(0, api), Expected(1, "Marshal.FreeHGlobal") }
                : new[] { Expected(0, api) };
            return VerifyEnabledAsync(InMethod(statements.Replace("/*S*/", string.Empty)), expected);
        }

        [Theory]
        [MemberData(nameof(UnsafeCalls))]
        public Task Unsafe_api_call_with_a_safety_comment_above_the_statement_is_justified(string statements, string api)
        {
            _ = api;
            return VerifyEnabledAsync(InMethod(Unmarked(statements).Replace("/*S*/", "// SAFETY: the memory is owned by this method and sized above\n")));
        }

        // The testing library switches on rules that are off by default, so "off by default" is checked on a plain
        // compilation, next to the same compilation with the rule switched on (which must report, or the check proves nothing).
        [Theory]
        [MemberData(nameof(UnsafeCalls))]
        public async Task Unsafe_api_call_is_not_reported_by_default(string statements, string api)
        {
            var source = Usings + InMethod(Unmarked(statements).Replace("/*S*/", string.Empty));
            Assert.Empty(await RunOnPlainCompilationAsync(source, enable: false));
            Assert.Contains(await RunOnPlainCompilationAsync(source, enable: true), d => d.Id == "PAL4002" && d.GetMessage().Contains(api));
        }

        private static async Task<ImmutableArray<Diagnostic>> RunOnPlainCompilationAsync(string source, bool enable)
        {
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true);
            if (enable)
            {
                options = options.WithSpecificDiagnosticOptions(new[] { new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("PAL4002", ReportDiagnostic.Warn) });
            }

            var compilation = CSharpCompilation.Create(
                "Probe",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                TestReferences.All,
                options);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UnsafeApiWithoutJustificationAnalyzer());
            return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        }

        [Theory]
        [InlineData("var size = Marshal.SizeOf<Guid>();")]
        [InlineData("var error = Marshal.GetLastWin32Error();")]
        [InlineData("var offset = Marshal.OffsetOf<Point>(nameof(Point.X));")]
        [InlineData("var hr = Marshal.GetHRForLastWin32Error();")]
        [InlineData("ReadOnlyMemory<int> m = new[] { 1 };\nvar ok = MemoryMarshal.TryGetArray(m, out var segment);")]
        [InlineData("ReadOnlyMemory<int> m = new[] { 1 };\nforeach (var i in MemoryMarshal.ToEnumerable(m)) { }")]
        [InlineData("Span<byte> bytes = stackalloc byte[8];\nvar v = BitConverter.ToInt32(bytes);")]
        [InlineData("var span = new List<int> { 1 }.ToArray().AsSpan();")]
        [InlineData("var o = Look.Unsafe.As<string>(\"x\");")]
        [InlineData("var ok = RuntimeHelpers.IsReferenceOrContainsReferences<int>();")]
        public Task Safe_look_alike_is_not_flagged(string statements) =>
            VerifyEnabledAsync(InMethod(statements) + """

                struct Point { public int X; }

                namespace Look
                {
                    static class Unsafe
                    {
                        public static T As<T>(object o) => (T)o;
                    }
                }
                """);

        [Fact]
        public async Task Configured_justification_markers_apply_to_unsafe_api_calls()
        {
            var test = new Verify.Test
            {
                TestCode = Usings + """
                    class C
                    {
                        void M(object o)
                        {
                            // Justification: o is always a string here, checked by the caller
                            var s = Unsafe.As<string>(o);
                            // SAFETY: o is always a string here, checked by the caller
                            var t = {|#0:Unsafe.As<string>|}(o);
                        }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EnableRule + "palisade.unsafe.justification_markers = Justification:\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.UnsafeApiWithoutJustification).WithLocation(0).WithArguments("Unsafe.As", "// Justification:"));
            await test.RunAsync();
        }

        [Fact]
        public Task Safety_comment_above_the_method_covers_its_calls() =>
            VerifyEnabledAsync("""
                class C
                {
                    // SAFETY: the caller owns p and it points at four writable bytes
                    void M(IntPtr p)
                    {
                        Marshal.WriteInt32(p, 1);
                    }

                    // SAFETY: the list is local and not resized while the span lives
                    int Sum(List<int> list) => CollectionsMarshal.AsSpan(list)[0];
                }
                """);

        [Fact]
        public Task Safety_comment_above_an_enclosing_statement_covers_the_calls_inside() =>
            VerifyEnabledAsync("""
                class C
                {
                    void M(IntPtr p, int count)
                    {
                        // SAFETY: p points at count writable ints, checked by the caller
                        for (var i = 0; i < count; i++)
                        {
                            Marshal.WriteInt32(p, i * 4, i);
                        }
                    }
                }
                """);

        [Fact]
        public Task Call_inside_a_justified_unsafe_block_is_covered() =>
            VerifyEnabledAsync("""
                class C
                {
                    void M()
                    {
                        // SAFETY: the block allocates and frees its own buffer
                        unsafe
                        {
                            void* p = NativeMemory.Alloc(16);
                            NativeMemory.Free(p);
                        }
                    }
                }
                """);

        [Fact]
        public Task Call_inside_an_unjustified_unsafe_block_is_flagged() =>
            VerifyEnabledAsync("""
                class C
                {
                    void M()
                    {
                        unsafe
                        {
                            void* p = {|#0:NativeMemory.Alloc|}(16);
                            {|#1:NativeMemory.Free|}(p);
                        }
                    }
                }
                """,
                Expected(0, "NativeMemory.Alloc"),
                Expected(1, "NativeMemory.Free"));

        [Fact]
        public Task Call_inside_a_justified_unsafe_type_is_covered() =>
            VerifyEnabledAsync("""
                // SAFETY: every member works on the buffer the constructor allocates and the finalizer frees
                unsafe class NativeBuffer
                {
                    private readonly void* _p = NativeMemory.Alloc(16);
                    ~NativeBuffer() => NativeMemory.Free(_p);
                }
                """);

        [Fact]
        public Task Safety_comment_far_from_the_call_does_not_count() =>
            VerifyEnabledAsync("""
                class C
                {
                    void M(IntPtr p)
                    {
                        // SAFETY: the caller owns p and it points at four writable bytes
                        var value = 1;
                        {|#0:Marshal.WriteInt32|}(p, value);
                    }
                }
                """,
                Expected(0, "Marshal.WriteInt32"));

        [Theory]
        [InlineData("// SAFETY: TODO")]
        [InlineData("// SAFETY: TODO explain why this is sound")]
        [InlineData("// SAFETY:")]
        [InlineData("// SAFETY: fine")]
        public Task Safety_comment_without_a_reason_does_not_count(string comment) =>
            VerifyEnabledAsync($$"""
                class C
                {
                    void M(IntPtr p)
                    {
                        {{comment}}
                        {|#0:Marshal.WriteInt32|}(p, 1);
                    }
                }
                """,
                Expected(0, "Marshal.WriteInt32"));

        [Theory]
        [InlineData("PAL4001")]
        [InlineData("PAL4001:Unsafe code without a SAFETY justification")]
        [InlineData("PAL4002")]
        public Task SuppressMessage_with_a_justification_covers_the_member(string id) =>
            VerifyEnabledAsync($$"""
                class C
                {
                    [SuppressMessage("Security", "{{id}}", Justification = "Interop layer, reviewed in SEC-142")]
                    void M(IntPtr p) => Marshal.WriteInt32(p, 1);
                }
                """);

        [Fact]
        public Task SuppressMessage_on_the_type_covers_every_member() =>
            VerifyEnabledAsync("""
                [SuppressMessage("Security", "PAL4001", Justification = "Interop layer, reviewed in SEC-142")]
                class C
                {
                    void M(IntPtr p) => Marshal.WriteInt32(p, 1);
                    int N(IntPtr p) => Marshal.ReadInt32(p);
                }
                """);

        [Theory]
        [InlineData("Justification = \"\"")]
        [InlineData("Justification = \"TODO\"")]
        [InlineData("Justification = \"...\"")]
        public Task SuppressMessage_for_PAL4001_without_a_real_justification_does_not_cover(string justification) =>
            VerifyEnabledAsync($$"""
                class C
                {
                    [SuppressMessage("Security", "PAL4001", {{justification}})]
                    void M(IntPtr p) => {|#0:Marshal.WriteInt32|}(p, 1);
                }
                """,
                Expected(0, "Marshal.WriteInt32"));

        [Fact]
        public Task SuppressMessage_for_another_rule_does_not_cover() =>
            VerifyEnabledAsync("""
                class C
                {
                    [SuppressMessage("Security", "PAL2001", Justification = "Interop layer, reviewed in SEC-142")]
                    void M(IntPtr p) => {|#0:Marshal.WriteInt32|}(p, 1);
                }
                """,
                Expected(0, "Marshal.WriteInt32"));

        [Fact]
        public Task Field_initializer_call_is_flagged_and_justified_by_a_comment_above_the_field() =>
            VerifyEnabledAsync("""
                class C
                {
                    private readonly IntPtr _flagged = {|#0:Marshal.AllocHGlobal|}(16);

                    // SAFETY: freed in Dispose, never shared outside this object
                    private readonly IntPtr _justified = Marshal.AllocHGlobal(16);
                }
                """,
                Expected(0, "Marshal.AllocHGlobal"));

        [Fact]
        public Task Fully_qualified_using_static_and_nested_calls_are_flagged() =>
            VerifyEnabledAsync("""
                using static System.Runtime.InteropServices.Marshal;

                class C
                {
                    void M(IntPtr p) => {|#0:System.Runtime.InteropServices.Marshal.FreeHGlobal|}(p);
                    void N(IntPtr p) => {|#1:Unsafe.AsRef<int>|}(in {|#2:Unsafe.NullRef<int>|}());
                    int O(IntPtr p) => {|#3:ReadInt32|}(p);
                }
                """,
                Expected(0, "Marshal.FreeHGlobal"),
                Expected(1, "Unsafe.AsRef"),
                Expected(2, "Unsafe.NullRef"),
                Expected(3, "Marshal.ReadInt32"));

        private static string InMethod(string statements) =>
            "class C\n{\n    void M()\n    {\n" + statements + "\n    }\n}\n";

        private static string Unmarked(string source) => Regex.Replace(source, @"\{\|#\d+:|\|\}", string.Empty);
    }
}
