using System;
using System.Text;

namespace Palisade.Testing.Generator
{
    /// <summary>
    /// What a template needs to write one file: its own seeded random source (so file N is identical whatever the
    /// total size), a unique suffix for type names, and helpers to append indented snippets.
    /// </summary>
    internal sealed class FileContext
    {
        private static readonly string[] Areas = { "Sales", "Billing", "Shipping", "Catalog", "Accounts", "Reporting", "Support", "Inventory" };
        private static readonly string[] Nouns = { "Customer", "Order", "Invoice", "Product", "Shipment", "Payment", "Ticket", "Supplier" };

        private readonly StringBuilder _text = new StringBuilder();
        private int _members;

        public FileContext(int index, int seed)
        {
            Index = index;
            Random = new Random(unchecked(seed * 7919 + index));
            Area = Areas[index % Areas.Length];
            Noun = Nouns[Random.Next(Nouns.Length)];
            Suffix = index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        }

        public int Index { get; }

        public Random Random { get; }

        public string Area { get; }

        public string Noun { get; }

        /// <summary>Appended to every type name so thousands of files never collide.</summary>
        public string Suffix { get; }

        public string Namespace => "Contoso." + Area;

        public int Lines { get; private set; }

        /// <summary>A unique number for the next member, so generated method names never collide inside a class.</summary>
        public int NextMember() => ++_members;

        public bool Chance(int percent) => Random.Next(100) < percent;

        public T Pick<T>(params T[] choices) => choices[Random.Next(choices.Length)];

        /// <summary>Appends a snippet written at column 0, indented by <paramref name="level"/> levels of four spaces.</summary>
        public void Append(string snippet, int level = 0)
        {
            var indent = new string(' ', level * 4);
            foreach (var line in snippet.Replace("\r\n", "\n").Split('\n'))
            {
                _text.Append(line.Length == 0 ? string.Empty : indent + line).Append('\n');
                Lines++;
            }
        }

        /// <summary>Appends a member and a blank line after it.</summary>
        public void Member(string snippet)
        {
            Append(snippet, 2);
            Append(string.Empty);
        }

        public GeneratedFile ToFile(string kind) => new GeneratedFile($"{Area}/{kind}{Suffix}.cs", _text.ToString());
    }
}
