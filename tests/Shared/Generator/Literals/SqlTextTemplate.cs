namespace Palisade.Testing.Generator
{
    /// <summary>
    /// SQL text helpers: constant statements, fragments appended to a StringBuilder, commands with parameters.
    /// All parameterized: literal-heavy, not injectable.
    /// </summary>
    internal static class SqlTextTemplate
    {
        public static GeneratedFile Write(FileContext f, int targetLines)
        {
            var type = $"{f.Noun}Sql{f.Suffix}";
            f.Append($$"""
                using System.Text;
                using Microsoft.Data.SqlClient;

                namespace {{f.Namespace}}
                {
                    public static class {{type}}
                    {
                """);
            while (f.Lines < targetLines - 2)
            {
                f.Member(Member(f));
            }

            f.Append("""
                    }
                }
                """);
            return f.ToFile(f.Noun + "Sql");
        }

        private static string Member(FileContext f)
        {
            var n = f.NextMember();
            var table = f.Noun + "s";
            return f.Random.Next(3) switch
            {
                0 => $"""
                    public const string Select{n} = "SELECT Id, Name, Status, CreatedAt FROM dbo.{table} WHERE Id = @id AND Status <> 'Deleted'";
                    public const string Update{n} = "UPDATE dbo.{table} SET Status = @status, UpdatedAt = SYSUTCDATETIME() WHERE Id = @id";
                    """,
                1 => $$"""
                    public static string Report{{n}}(bool withTotals)
                    {
                        var sql = new StringBuilder("SELECT c.Id, c.Name, COUNT(o.Id) AS Orders");
                        sql.Append(" FROM dbo.{{table}} c LEFT JOIN dbo.Orders o ON o.CustomerId = c.Id");
                        sql.Append(" WHERE c.CreatedAt >= @from AND c.CreatedAt < @to");
                        if (withTotals)
                        {
                            sql.Append(" GROUP BY c.Id, c.Name WITH ROLLUP");
                        }

                        return sql.Append(" ORDER BY c.Name").ToString();
                    }
                    """,
                _ => $$"""
                    public static SqlCommand Delete{{n}}(SqlConnection connection, int id)
                    {
                        var command = new SqlCommand("DELETE FROM dbo.{{table}} WHERE Id = @id AND Archived = 1", connection);
                        command.Parameters.AddWithValue("@id", id);
                        return command;
                    }
                    """,
            };
        }
    }
}
