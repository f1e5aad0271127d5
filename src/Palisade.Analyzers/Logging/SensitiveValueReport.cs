using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// Builds the PAL3001/PAL3002 diagnostic and the properties that tell the code fix what it may do
    /// (names shared with Palisade.CodeFixes through <see cref="PropertyNames"/>).
    /// </summary>
    internal static class SensitiveValueReport
    {
        public static class PropertyNames
        {
            /// <summary>A <see cref="FindingShape"/> name, or "None" when no safe edit exists.</summary>
            public const string Shape = "Shape";

            /// <summary>"true" when a "***" literal can replace the value.</summary>
            public const string CanMask = "CanMask";

            /// <summary>Index of the literal template in the call's argument list, when the value fills one of its holes.</summary>
            public const string TemplateArgumentIndex = "TemplateArgumentIndex";
        }

        public const string NoFix = "None";

        public static Diagnostic Create(DiagnosticDescriptor descriptor, SensitiveFinding finding, string sinkName, bool canMask, int templateArgumentIndex) =>
            Create(descriptor, finding, sinkName, canMask, templateArgumentIndex, additionalLocations: null);

        /// <param name="additionalLocations">Other places in the same call that write the same value (reported once).</param>
        public static Diagnostic Create(
            DiagnosticDescriptor descriptor, SensitiveFinding finding, string sinkName, bool canMask, int templateArgumentIndex, IEnumerable<Location>? additionalLocations)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var whole = finding.Shape == FindingShape.WholeValue;

            // A whole message built elsewhere ("logger.LogInformation(message)") has no hole to mask or remove here.
            var fixable = !whole || finding.Direct || templateArgumentIndex >= 0;
            properties[PropertyNames.Shape] = fixable ? finding.Shape.ToString() : NoFix;
            properties[PropertyNames.CanMask] = (!whole || canMask) ? "true" : "false";
            if (whole && templateArgumentIndex >= 0)
            {
                properties[PropertyNames.TemplateArgumentIndex] = templateArgumentIndex.ToString(CultureInfo.InvariantCulture);
            }

            return Diagnostic.Create(descriptor, finding.Hole.Syntax.GetLocation(), additionalLocations, properties.ToImmutable(), sinkName, finding.What);
        }
    }
}
