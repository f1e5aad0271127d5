namespace Palisade.Testing.Generator
{
    /// <summary>Unsafe interop: pointer code and native calls, about half of it justified by a SAFETY comment.</summary>
    internal static class InteropTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"NativeBuffers{f.Suffix}";
            f.Append($$"""
                using System;
                using System.Runtime.CompilerServices;
                using System.Runtime.InteropServices;

                namespace {{f.Namespace}}.Interop
                {
                    internal static partial class {{type}}
                    {
                        [DllImport("libc", EntryPoint = "memset")]
                        private static extern IntPtr MemSet(IntPtr destination, int value, UIntPtr count);

                """);
            while (f.Lines < targetLines - 2)
            {
                f.Member(Method(f, justified: f.Chance(50)));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile("NativeBuffers");
        }

        private static string Method(FileContext f, bool justified)
        {
            var n = f.NextMember();
            var safety = justified ? "// SAFETY: the span is pinned for the whole block and the loop stays inside its length.\n" : string.Empty;
            var safetyInner = justified ? "        // SAFETY: the buffer is allocated just above with exactly 'length' bytes and freed in finally.\n" : string.Empty;
            switch (f.Random.Next(3))
            {
                case 0:
                    return $$"""
                        {{safety}}public static unsafe int Sum{{n}}(ReadOnlySpan<int> values)
                        {
                            var total = 0;
                            fixed (int* start = values)
                            {
                                for (var p = start; p < start + values.Length; p++)
                                {
                                    total += *p;
                                }
                            }

                            return total;
                        }
                        """;
                case 1:
                    return $$"""
                        public static void Clear{{n}}(int length)
                        {
                            var buffer = Marshal.AllocHGlobal(length);
                            try
                            {
                        {{safetyInner}}        MemSet(buffer, 0, (UIntPtr)length);
                            }
                            finally
                            {
                                Marshal.FreeHGlobal(buffer);
                            }
                        }
                        """;
                default:
                    return $$"""
                        public static long Reinterpret{{n}}(double value)
                        {
                            {{(justified ? "// SAFETY: double and long have the same size; no pointer escapes." : "// Bit-level conversion.")}}
                            return Unsafe.As<double, long>(ref value);
                        }
                        """;
            }
        }
    }
}
