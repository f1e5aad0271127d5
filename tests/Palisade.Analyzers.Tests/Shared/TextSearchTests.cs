using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Shared;
using Xunit;

namespace Palisade.Analyzers.Tests.Shared
{
    public class TextSearchTests
    {
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(4090)]
        [InlineData(4091)]
        [InlineData(4093)]
        [InlineData(4095)]
        [InlineData(4096)]
        [InlineData(8190)]
        [InlineData(10000)]
        public void Word_is_found_wherever_it_sits_including_across_chunk_boundaries(int position)
        {
            var text = SourceText.From(new string('x', position) + "unsafe" + new string('y', 50));
            Assert.True(TextSearch.Contains(text, "unsafe"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("unsaf")]
        [InlineData("nsafe")]
        [InlineData("UNSAFE")]
        public void Missing_word_is_not_found(string content)
        {
            var text = SourceText.From(new string('x', 5000) + content + new string('x', 5000));
            Assert.False(TextSearch.Contains(text, "unsafe"));
        }

        [Fact]
        public void Text_shorter_than_the_word_is_not_a_match() =>
            Assert.False(TextSearch.Contains(SourceText.From("uns"), "unsafe"));
    }
}
