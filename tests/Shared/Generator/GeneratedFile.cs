using System;

namespace Palisade.Testing.Generator
{
    /// <summary>One generated source file: a path for diagnostics and its text.</summary>
    internal sealed class GeneratedFile
    {
        public GeneratedFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }

        public string Text { get; }

        public int LineCount
        {
            get
            {
                var count = 1;
                foreach (var character in Text.AsSpan())
                {
                    if (character == '\n')
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }
}
