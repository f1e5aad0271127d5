using System;
using System.Collections.Generic;

namespace Palisade.Testing.Generator
{
    /// <summary>
    /// The second benchmark workload: literal-dense code, where nearly every line holds a string literal.
    /// Constants classes, connection-string builders, resource-like message classes, HTTP clients with headers,
    /// SQL text helpers and test fixtures with fake secrets, plus configuration files passed as AdditionalFiles
    /// (<see cref="ConfigurationFileGenerator"/>). The line-of-business workload (<see cref="CodebaseGenerator"/>)
    /// has a literal on about one line in eight; this one on most lines, which is where the literal rules
    /// (PAL2002, PAL2003) and PAL2004 spend their time. Deterministic like the first: file N depends only on N.
    /// </summary>
    internal static class LiteralCodebaseGenerator
    {
        private static readonly (int Percent, Func<FileContext, int, GeneratedFile> Write)[] Mix =
        {
            (22, ConstantsTemplate.Write),
            (16, ConnectionSettingsTemplate.Write),
            (20, MessagesTemplate.Write),
            (16, HttpClientTemplate.Write),
            (16, SqlTextTemplate.Write),
        };

        public static IReadOnlyList<GeneratedFile> Generate(int fileCount, int seed = CodebaseGenerator.DefaultSeed)
        {
            if (fileCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(fileCount), "At least one file (the shared domain) is generated.");
            }

            var files = new List<GeneratedFile>(fileCount) { CoreTemplate.Create() };
            for (var index = 1; index < fileCount; index++)
            {
                files.Add(GenerateFile(index, seed));
            }

            return files;
        }

        public static GeneratedFile GenerateFile(int index, int seed = CodebaseGenerator.DefaultSeed)
        {
            var context = new FileContext(index, unchecked(seed + 14));
            var lines = CodebaseGenerator.TargetLinesPerFile + context.Random.Next(-30, 31);
            var roll = context.Random.Next(100);
            foreach (var (percent, write) in Mix)
            {
                if (roll < percent)
                {
                    return write(context, lines);
                }

                roll -= percent;
            }

            // The remaining 10%: test fixtures full of fake secrets.
            return TestFixtureTemplate.Write(context, lines);
        }
    }
}
