namespace Palisade.Build.SecurityPolicy
{
    /// <summary>One sentence of a block, with its words for matching and the file line where it starts.</summary>
    internal sealed class PolicySentence
    {
        public PolicySentence(string text, int line, PolicyBlock block)
        {
            Text = text;
            Line = line;
            Block = block;
            Words = PolicyDocument.Words(text);
        }

        public string Text { get; }

        /// <summary>1-based line where the sentence starts.</summary>
        public int Line { get; }

        public PolicyBlock Block { get; }

        /// <summary>" word word " (lower case ASCII letters and digits): see <see cref="PolicyDocument.Words"/>.</summary>
        public string Words { get; }
    }
}
