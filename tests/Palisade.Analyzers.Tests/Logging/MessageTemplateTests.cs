using System.Linq;
using Palisade.Analyzers.Logging;
using Xunit;

namespace Palisade.Analyzers.Tests.Logging
{
    /// <summary>
    /// The template editing behind the "remove" fix. Every removal must leave exactly one hole per remaining argument
    /// (the CA2017 mismatch the fix must never create).
    /// </summary>
    public class MessageTemplateTests
    {
        [Theory]
        [InlineData("Login for {User} with {Password}", 1, 2, "Login for {User} with")]
        [InlineData("{Password} used by {User}", 0, 2, "used by {User}")]
        [InlineData("user={User}, key={Key}, id={Id}", 1, 3, "user={User}, id={Id}")]
        [InlineData("Key: {Key}", 0, 1, "")]
        [InlineData("Token {0} for {1}", 0, 2, "Token for {0}")]
        [InlineData("{1} has token {0}", 0, 2, "{0} has token")]
        [InlineData("{0} {1:D} {0}", 0, 2, "{0:D}")]
        [InlineData("Escaped {{braces}} {User} {Key}", 1, 2, "Escaped {{braces}} {User}")]
        [InlineData("{@Login} from {Ip,10}", 0, 2, "from {Ip,10}")]
        [InlineData("A {A} B {B} C {C}", 2, 3, "A {A} B {B} C")]
        public void Removing_an_argument_removes_its_hole_and_keeps_the_rest_aligned(string template, int argument, int argumentCount, string expected)
        {
            Assert.True(MessageTemplate.MatchesArgumentCount(MessageTemplate.Parse(template), argumentCount));

            var result = MessageTemplate.RemoveArgument(template, argument);

            Assert.Equal(expected, result);
            Assert.True(MessageTemplate.MatchesArgumentCount(MessageTemplate.Parse(result!), argumentCount - 1), "holes and arguments disagree after the edit");
        }

        [Theory]
        [InlineData("Key {Key}", 2)]
        [InlineData("{0} {2}", 2)]
        [InlineData("No holes", 1)]
        public void Template_that_already_disagrees_is_recognised(string template, int argumentCount)
        {
            Assert.False(MessageTemplate.MatchesArgumentCount(MessageTemplate.Parse(template), argumentCount));
        }

        [Fact]
        public void Parse_reads_names_without_destructuring_marks_alignment_or_format()
        {
            var holes = MessageTemplate.Parse("{@Login} {$Raw} {Ip,10} {At:HH:mm} {{not}} {0}");

            Assert.Equal(new[] { "Login", "Raw", "Ip", "At", "0" }, holes.Select(h => h.Name));
            Assert.True(holes[4].IsNumeric);
        }

        [Fact]
        public void Removing_an_argument_without_a_hole_gives_null()
        {
            Assert.Null(MessageTemplate.RemoveArgument("Only {One}", 3));
        }
    }
}
