using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Palisade.Testing.Generator
{
    /// <summary>A generated configuration file handed to analyzers as an AdditionalFile, as the package does for real ones.</summary>
    internal sealed class GeneratedAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public GeneratedAdditionalText(GeneratedFile file)
        {
            Path = file.Path;
            _text = SourceText.From(file.Text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
