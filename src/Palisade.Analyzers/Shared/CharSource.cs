namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Characters read by index from a string or from a buffer of source text. The literal gates take one of
    /// these as a struct type parameter, so one loop serves both and the JIT compiles a direct read for each.
    /// </summary>
    internal interface ICharSource
    {
        char this[int index] { get; }
    }

    internal readonly struct StringChars : ICharSource
    {
        private readonly string _text;

        public StringChars(string text) => _text = text;

        public char this[int index] => _text[index];
    }

    internal readonly struct ArrayChars : ICharSource
    {
        private readonly char[] _buffer;

        public ArrayChars(char[] buffer) => _buffer = buffer;

        public char this[int index] => _buffer[index];
    }
}
