using System;
using System.Linq;
using Palisade.Analyzers.Baseline;
using Xunit;

namespace Palisade.Analyzers.Tests.Baseline
{
    public sealed class BaselineFileTests
    {
        [Fact]
        public void Written_baseline_reads_back_sorted_one_entry_per_line()
        {
            var baseline = BaselineFile.Create(new[]
            {
                new BaselineEntry("PAL2001", "src/b \"quoted\".cs", "bbbb", 1),
                new BaselineEntry("PAL1001", "src/a.cs", "aaaa", 0),
                new BaselineEntry("PAL1001", "src/a.cs", "aaaa", 0),
            });

            string json = baseline.ToJson();
            var read = BaselineFile.Parse(json);

            Assert.Equal(2, read.Entries.Length);
            Assert.Equal(baseline.Entries.ToArray(), read.Entries.ToArray());
            Assert.Equal("src/a.cs", read.Entries[0].Path);
            Assert.Contains("{ \"rule\": \"PAL2001\", \"path\": \"src/b \\\"quoted\\\".cs\", \"hash\": \"bbbb\", \"occurrence\": 1 }\n", json);
        }

        [Theory]
        [InlineData("{\"version\": 2, \"findings\": []}", "newer")]
        [InlineData("{\"version\": 1}", "findings")]
        [InlineData("{\"findings\": [{\"rule\": \"PAL1001\", \"path\": \"a.cs\"}]}", "hash")]
        [InlineData("{\"findings\": [] } trailing", "after")]
        [InlineData("{\"findings\": [\"unterminated]}", "Unterminated")]
        public void Malformed_baselines_are_refused_with_a_reason(string text, string reason)
        {
            var error = Assert.Throws<FormatException>(() => BaselineFile.Parse(text));

            Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(BaselineFile.TryParse(text, out _));
        }

        [Fact]
        public void Unknown_properties_are_ignored_and_occurrence_defaults_to_zero()
        {
            var read = BaselineFile.Parse("{\"version\":1,\"tool\":{\"name\":\"x\",\"list\":[1,2.5e3,true,null]},\"findings\":[{\"rule\":\"PAL4001\",\"path\":\"u.cs\",\"hash\":\"\\u0061b\",\"note\":\"hi\"}]}");

            var entry = Assert.Single(read.Entries);
            Assert.Equal(new BaselineEntry("PAL4001", "u.cs", "ab", 0), entry);
        }
    }
}
