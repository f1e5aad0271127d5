using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>What a rule family says about one value met by the walker.</summary>
    internal enum FlowVerdict
    {
        /// <summary>No opinion: the walker follows the value (locals, concatenation, helpers...).</summary>
        Continue,

        /// <summary>The value carries nothing the rule cares about (a sanitizer's result, a number).</summary>
        Clean,

        /// <summary>The value is what the rule looks for (a secret); it becomes a flagged hole with a description.</summary>
        Flagged,
    }

    /// <summary>
    /// A rule family's policy over the one value walker (<see cref="StringTracer"/>): SQL needs none beyond the
    /// walker's own safe holes; logging says which sources are sensitive; secrets which parts are constant. The walker
    /// does the structure (locals through reaching writes, concatenation, interpolation, Format/Concat/Join, choices,
    /// switch expressions, tuples, StringBuilder, helper methods with the caller's arguments); the policy judges values.
    /// </summary>
    internal abstract class FlowPolicy
    {
        /// <summary>Called for every value before the walker looks into it.</summary>
        public abstract FlowVerdict Judge(IOperation value, out string description);

        /// <summary>
        /// For a value the walker cannot follow (an unknown method's result): the values whose text it may carry, to
        /// walk instead, or null to keep it as an opaque hole.
        /// </summary>
        public virtual IEnumerable<IOperation>? Carried(IOperation value) => null;
    }
}
