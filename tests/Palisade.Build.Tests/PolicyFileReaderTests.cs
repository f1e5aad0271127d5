using System;
using System.IO;
using System.Linq;
using System.Text;
using Palisade.Build.SecurityPolicy;
using Xunit;

namespace Palisade.Build.Tests
{
    /// <summary>SECURITY.md bytes in any encoding become text without an exception, and huge files are cut.</summary>
    public sealed class PolicyFileReaderTests
    {
        public static TheoryData<string> Encodings => new() { "utf-8-bom", "utf-8", "utf-16le-bom", "utf-16be-bom", "utf-32le-bom" };

        private static byte[] Encode(string text, string encoding) => encoding switch
        {
            "utf-8-bom" => new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-16le-bom" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            "utf-16be-bom" => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
            "utf-32le-bom" => Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(text)).ToArray(),
            _ => throw new ArgumentException(encoding),
        };

        [Theory]
        [MemberData(nameof(Encodings))]
        public void Complete_policy_in_any_encoding_with_its_byte_order_mark_has_no_problem(string encoding)
        {
            string text = PolicyFileReader.Decode(Encode(Policies.Complete, encoding));

            Assert.StartsWith("# Security Policy", text);
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Theory]
        [MemberData(nameof(Encodings))]
        public void Placeholder_line_numbers_survive_the_byte_order_mark(string encoding)
        {
            string text = PolicyFileReader.Decode(Encode(Policies.Complete + "\nLast updated: [Current Date]\n", encoding));
            var placeholder = Assert.Single(SecurityPolicyChecker.Check(text));
            Assert.Equal(Policies.Complete.Split('\n').Length + 1, placeholder.Line);
        }

        [Fact]
        public void Invalid_utf8_is_replaced_not_thrown()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Policies.Complete).Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0x80 }).ToArray();
            string text = PolicyFileReader.Decode(bytes);
            Assert.Contains("\uFFFD", text);
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Fact]
        public void Random_binary_file_is_not_text()
        {
            var bytes = new byte[64 * 1024];
            new Random(42).NextBytes(bytes);
            using var temp = new TempDirectory();
            string path = temp.Combine("SECURITY.md");
            File.WriteAllBytes(path, bytes);

            var problem = Assert.Single(SecurityPolicyChecker.Check(PolicyFileReader.Read(path)));
            Assert.Equal(PolicyProblemKind.NotText, problem.Kind);
        }

        [Fact]
        public void A_five_megabyte_policy_is_read_only_up_to_the_cap_and_checked()
        {
            using var temp = new TempDirectory();
            string path = temp.Combine("SECURITY.md");
            var sb = new StringBuilder(Policies.Complete).Append('\n');
            string filler = "Lorem security text about nothing in particular, repeated to make the file big. " + new string('a', 200) + "@\n";
            while (sb.Length < 5 * 1024 * 1024)
            {
                sb.Append(filler);
            }

            File.WriteAllText(path, sb.ToString());

            string text = PolicyFileReader.Read(path);
            Assert.True(text.Length <= PolicyFileReader.MaxBytes);
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Fact]
        public void A_single_five_megabyte_line_is_cut_and_does_not_throw()
        {
            string text = Policies.Complete + "\n" + new string('x', 5 * 1024 * 1024) + "@" + new string('y', 1000) + ".com";
            Assert.Empty(SecurityPolicyChecker.Check(text));
        }

        [Theory]
        [InlineData("a.\n")]
        [InlineData("## Versions\nopen an issue.\n")]
        [InlineData("- open an issue. the security tab. 1.2 within 3 days.\n")]
        public void Half_a_megabyte_of_short_lines_is_checked_in_linear_time(string unit)
        {
            var sb = new StringBuilder(Policies.Complete).Append('\n');
            while (sb.Length < PolicyFileReader.MaxBytes / 2)
            {
                sb.Append(unit);
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            SecurityPolicyChecker.Check(sb.ToString());

            // Linear, this takes well under a second on a quiet machine; a quadratic scan of these ~250,000 sentences
            // would take many minutes. The bound is loose so a busy machine never fails it.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        }
    }
}
