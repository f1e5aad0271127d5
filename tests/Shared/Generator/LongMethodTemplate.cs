using System.Text;

namespace Palisade.Testing.Generator
{
    /// <summary>
    /// One method of N statement groups, each building SQL by concatenation, running it through an ADO.NET
    /// command and logging it: the shape that makes a value tracer quadratic when it re-walks the method for
    /// every local at every sink. Each group uses its own locals, as long generated or migration code does.
    /// </summary>
    internal static class LongMethodTemplate
    {
        public const int LinesPerGroup = 5;

        public static GeneratedFile Write(int groups)
        {
            var text = new StringBuilder(groups * 360);
            text.Append("""
                using System;
                using Microsoft.Data.SqlClient;
                using Microsoft.Extensions.Logging;

                namespace Contoso.Migrations
                {
                    public sealed class LongImport
                    {
                        public void Run(SqlConnection connection, ILogger logger, string tenant, string[] names)
                        {

                """);
            for (var i = 0; i < groups; i++)
            {
                text.Append($"            var sql{i} = \"UPDATE Customers SET Tenant = '\" + tenant + \"' WHERE Name = '\" + names[{i % 64}] + \"' AND Batch = {i}\";\n");
                text.Append($"            using (var command{i} = new SqlCommand(sql{i}, connection))\n");
                text.Append($"            {{ command{i}.CommandTimeout = {30 + (i % 7)}; command{i}.ExecuteNonQuery(); }}\n");
                text.Append($"            logger.LogInformation(\"Ran step {i}: \" + sql{i});\n");
                text.Append('\n');
            }

            text.Append("""
                        }
                    }
                }

                """);
            return new GeneratedFile($"Migrations/LongImport{groups}.cs", text.ToString());
        }
    }
}
