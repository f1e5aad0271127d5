namespace Palisade.Analyzers.Sql
{
    /// <summary>Which API a SQL text reaches; the code fix picks its rewrite from this.</summary>
    internal enum SqlSinkKind
    {
        /// <summary>ADO.NET: CommandText, command / batch command / data adapter constructors.</summary>
        AdoNet,

        /// <summary>Dapper: SqlMapper extension methods and CommandDefinition.</summary>
        Dapper,

        /// <summary>EF Core raw SQL APIs (FromSqlRaw, ExecuteSqlRaw(Async), SqlQueryRaw).</summary>
        EfCore,

        /// <summary>
        /// Another library's SQL API (EF6, older EF Core overloads, MySqlHelper/MySqlScript, Azure Cosmos, Cassandra,
        /// NHibernate, LINQ to SQL): reported, with no rewrite offered.
        /// </summary>
        Library,

        /// <summary>A method listed in palisade.sql.additional_sinks.</summary>
        Configured,

        /// <summary>A method of this compilation that passes one of its string parameters unchanged to a sink.</summary>
        Forwarding,
    }
}
