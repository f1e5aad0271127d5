using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>What one piece of a composed string is.</summary>
    internal enum StringPartKind
    {
        /// <summary>Text known at compile time (literals, constants, nameof).</summary>
        Text,

        /// <summary>A value not known at compile time that cannot carry attacker-chosen text: a number, bool, Guid,
        /// date, enum, a sanitizer's result, a choice among fixed literals, a read-only field holding a literal.</summary>
        SafeHole,

        /// <summary>A value not known at compile time that may carry any text (a parameter, a property, a method result...).</summary>
        UntrustedHole,
    }

    /// <summary>One piece of a composed string: constant text or a hole.</summary>
    internal sealed class StringPart
    {
        private StringPart(StringPartKind kind, string text, IOperation? operation, IOperation? source, string reason, string? flag = null, bool viaLocal = false)
        {
            Kind = kind;
            Text = text;
            Operation = operation;
            Source = source;
            Reason = reason;
            Flag = flag;
            ViaLocal = viaLocal;
        }

        /// <summary>For holes a rule's policy flagged: how the rule names the value ("password", "config[\"Db:Password\"]").</summary>
        public string? Flag { get; }

        /// <summary>For flagged holes: true when the value reached the walked expression through a local's assignment.</summary>
        public bool ViaLocal { get; }

        public StringPartKind Kind { get; }

        /// <summary>The constant text (empty for holes).</summary>
        public string Text { get; }

        /// <summary>For holes: the expression whose value fills the hole, as written where the text is composed.</summary>
        public IOperation? Operation { get; }

        /// <summary>For untrusted holes: the innermost value that made the hole untrusted (a parameter, a property...).
        /// Equal to <see cref="Operation"/> unless the hole is a ternary, a coalesce or a helper's parameter.</summary>
        public IOperation? Source { get; }

        /// <summary>For safe holes, why the hole is safe ("numeric value", "sanitizer"...); empty otherwise.</summary>
        public string Reason { get; }

        public bool IsHole => Kind != StringPartKind.Text;

        public static StringPart ForText(string text) => new StringPart(StringPartKind.Text, text, null, null, string.Empty);

        public static StringPart ForSafeHole(IOperation operation, string reason) =>
            new StringPart(StringPartKind.SafeHole, string.Empty, operation, null, reason);

        public static StringPart ForFlaggedHole(IOperation operation, string flag, bool viaLocal) =>
            new StringPart(StringPartKind.UntrustedHole, string.Empty, operation, operation, string.Empty, flag, viaLocal);

        public static StringPart ForUntrustedHole(IOperation operation, IOperation source) =>
            new StringPart(StringPartKind.UntrustedHole, string.Empty, operation, source, string.Empty);

        public override string ToString() => Kind switch
        {
            StringPartKind.Text => "\"" + Text + "\"",
            StringPartKind.SafeHole => "{safe:" + Operation?.Syntax + "}",
            _ => "{" + Operation?.Syntax + "}",
        };
    }

    /// <summary>
    /// A string-valued expression split into constant text and holes, following the value back through locals,
    /// StringBuilders, format calls and helper methods (see <see cref="StringTracer"/>).
    /// </summary>
    /// <remarks>
    /// When <see cref="IsExact"/> is true the parts, in order, are the whole string and every part's syntax lies in the
    /// expression that was decomposed or in the initializer of a single-assignment local it reads; a code fix may then
    /// rewrite the text. When false (several assignments, loops, StringBuilder, helper methods, string.Format with a
    /// computed format) the parts are still in source order and each constant part is still the text that precedes
    /// the following hole in at least one run, which is enough to judge where a hole lands.
    /// </remarks>
    internal sealed class StringComposition
    {
        public StringComposition(ImmutableArray<StringPart> parts, bool isExact)
        {
            Parts = parts;
            IsExact = isExact;
        }

        public ImmutableArray<StringPart> Parts { get; }

        public bool IsExact { get; }

        public bool HasUntrustedHoles
        {
            get
            {
                foreach (var part in Parts)
                {
                    if (part.Kind == StringPartKind.UntrustedHole)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>True when the whole string is known text (no holes at all).</summary>
        public bool IsConstant
        {
            get
            {
                foreach (var part in Parts)
                {
                    if (part.IsHole)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public IEnumerable<int> UntrustedHoleIndexes()
        {
            for (var i = 0; i < Parts.Length; i++)
            {
                if (Parts[i].Kind == StringPartKind.UntrustedHole)
                {
                    yield return i;
                }
            }
        }

        /// <summary>The constant text right before part <paramref name="index"/>, back to the previous hole.</summary>
        public string TextBefore(int index)
        {
            var start = index;
            while (start > 0 && Parts[start - 1].Kind == StringPartKind.Text)
            {
                start--;
            }

            return Join(start, index);
        }

        /// <summary>All the text before part <paramref name="index"/>, with every hole written as "?" (for clause detection).</summary>
        public string AllTextBefore(int index)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < index; i++)
            {
                builder.Append(Parts[i].Kind == StringPartKind.Text ? Parts[i].Text : "?");
            }

            return builder.ToString();
        }

        /// <summary>The constant text right after part <paramref name="index"/>, up to the next hole.</summary>
        public string TextAfter(int index)
        {
            var end = index + 1;
            while (end < Parts.Length && Parts[end].Kind == StringPartKind.Text)
            {
                end++;
            }

            return Join(index + 1, end);
        }

        private string Join(int start, int end)
        {
            var builder = new StringBuilder();
            for (var i = start; i < end; i++)
            {
                builder.Append(Parts[i].Text);
            }

            return builder.ToString();
        }

        public override string ToString() => string.Join(" + ", Parts) + (IsExact ? string.Empty : " (inexact)");
    }
}
