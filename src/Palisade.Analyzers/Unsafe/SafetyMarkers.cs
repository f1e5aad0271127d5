using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Unsafe
{
    /// <summary>
    /// The words that open a justification comment: <c>SAFETY:</c> unless <c>palisade.unsafe.justification_markers</c>
    /// lists others (<c>Justification:</c>, <c>Safety:</c>) for a team that already has its own convention. The list
    /// replaces the default; matching ignores case. The first marker is the one messages and the code fix write.
    /// </summary>
    internal sealed class SafetyMarkers
    {
        public const string OptionKey = "unsafe.justification_markers";

        public const string DefaultMarker = "SAFETY:";

        public static readonly SafetyMarkers Default = new SafetyMarkers(ImmutableArray.Create(DefaultMarker));

        private SafetyMarkers(ImmutableArray<string> markers)
        {
            Markers = markers;
        }

        public ImmutableArray<string> Markers { get; }

        /// <summary>The marker messages name and the code fix inserts.</summary>
        public string Primary => Markers[0];

        /// <summary>The placeholder line the code fix inserts; starts with TODO so it is no reason.</summary>
        public string Placeholder => Primary == DefaultMarker ? SafetyComments.Placeholder : "// " + Primary + " TODO explain why this is sound";

        /// <summary>The markers set for a file (its .editorconfig section, else the global config), or the default.</summary>
        public static SafetyMarkers Read(AnalyzerConfigOptions options)
        {
            if (!options.TryGetValue(PalisadeOptions.Prefix + OptionKey, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return Default;
            }

            var markers = PalisadeOptions.SplitList(value);
            return markers.IsEmpty || (markers.Length == 1 && string.Equals(markers[0], DefaultMarker, StringComparison.Ordinal))
                ? Default
                : new SafetyMarkers(markers);
        }

        public static SafetyMarkers Read(AnalyzerConfigOptionsProvider provider, Microsoft.CodeAnalysis.SyntaxTree tree)
        {
            var fileOptions = provider.GetOptions(tree);
            return fileOptions.TryGetValue(PalisadeOptions.Prefix + OptionKey, out _) ? Read(fileOptions) : Read(provider.GlobalOptions);
        }

        /// <summary>The length of the marker that starts <paramref name="line"/>, or -1 when none does.</summary>
        public int MarkerLength(string line)
        {
            foreach (var marker in Markers)
            {
                if (line.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return marker.Length;
                }
            }

            return -1;
        }
    }
}
