using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Sql
{
    /// <summary>
    /// SQL (and CQL, Cosmos SQL, HQL-native) APIs beyond ADO.NET, Dapper and current EF Core, resolved by metadata name
    /// once per compilation: EF6's <c>Database.SqlQuery</c>/<c>ExecuteSqlCommand</c> and <c>DbSet.SqlQuery</c>, EF Core's
    /// older <c>FromSql(string)</c>/<c>ExecuteSqlCommand</c> (and <c>RawSqlString</c>), MySql's <c>MySqlHelper</c> and
    /// <c>MySqlScript</c>, Azure Cosmos' <c>QueryDefinition</c> and <c>GetItemQueryIterator(string)</c>, Cassandra's
    /// <c>SimpleStatement</c> and <c>ISession.Execute(string)</c>, NHibernate's <c>CreateSQLQuery</c> and LINQ to SQL's
    /// <c>ExecuteQuery</c>/<c>ExecuteCommand</c>. Overloads that take a statement object or a FormattableString are not sinks.
    /// </summary>
    internal sealed class LibrarySqlApis
    {
        private static readonly (string Type, string[] Methods)[] MethodTable =
        {
            ("System.Data.Entity.Database", new[] { "SqlQuery", "ExecuteSqlCommand", "ExecuteSqlCommandAsync" }),
            ("System.Data.Entity.DbSet`1", new[] { "SqlQuery" }),
            ("System.Data.Entity.DbSet", new[] { "SqlQuery" }),
            ("MySql.Data.MySqlClient.MySqlHelper", new[] { "ExecuteNonQuery", "ExecuteNonQueryAsync", "ExecuteReader", "ExecuteReaderAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteDataset", "ExecuteDatasetAsync", "ExecuteDataRow", "ExecuteDataRowAsync", "UpdateDataSet", "UpdateDataSetAsync" }),
            ("Microsoft.Azure.Cosmos.Container", new[] { "GetItemQueryIterator", "GetItemQueryStreamIterator" }),
            ("Cassandra.ISession", new[] { "Execute", "ExecuteAsync", "Prepare", "PrepareAsync" }),
            ("NHibernate.ISession", new[] { "CreateSQLQuery" }),
            ("NHibernate.IStatelessSession", new[] { "CreateSQLQuery" }),
            ("System.Data.Linq.DataContext", new[] { "ExecuteQuery", "ExecuteCommand" }),
        };

        private static readonly string[] ConstructorTable =
        {
            "MySql.Data.MySqlClient.MySqlScript", "Microsoft.Azure.Cosmos.QueryDefinition", "Cassandra.SimpleStatement",
        };

        private static readonly (string Type, string Property)[] PropertyTable =
        {
            ("MySql.Data.MySqlClient.MySqlScript", "Query"),
        };

        private readonly List<(INamedTypeSymbol Type, string[] Methods)> _methods = new List<(INamedTypeSymbol, string[])>();
        private readonly List<INamedTypeSymbol> _constructors = new List<INamedTypeSymbol>();
        private readonly List<(INamedTypeSymbol Type, string Property)> _properties = new List<(INamedTypeSymbol, string)>();

        public LibrarySqlApis(Compilation compilation)
        {
            foreach (var (name, methods) in MethodTable)
            {
                if (Flow.TypeLookup.Find(compilation, name) is { } type)
                {
                    _methods.Add((type, methods));
                }
            }

            foreach (var name in ConstructorTable)
            {
                if (Flow.TypeLookup.Find(compilation, name) is { } type)
                {
                    _constructors.Add(type);
                }
            }

            foreach (var (name, property) in PropertyTable)
            {
                if (Flow.TypeLookup.Find(compilation, name) is { } type)
                {
                    _properties.Add((type, property));
                }
            }
        }

        public bool Any => _methods.Count > 0 || _constructors.Count > 0;

        public bool TryMatchInvocation(IInvocationOperation invocation, out SqlSinkMatch match)
        {
            match = default;
            var method = invocation.TargetMethod;
            foreach (var (type, names) in _methods)
            {
                if (Array.IndexOf(names, method.Name) < 0 || !TypeHierarchy.IsOrImplements(method.ContainingType, type))
                {
                    continue;
                }

                if (SqlSinks.SqlParameterOf(method) is { } parameter && SqlSinks.ArgumentFor(invocation, parameter.Name) is { } value)
                {
                    match = new SqlSinkMatch(SqlSinkKind.Library, value, type.Name + "." + method.Name, invocation);
                    return true;
                }
            }

            return false;
        }

        public bool TryMatchCreation(IObjectCreationOperation creation, out SqlSinkMatch match)
        {
            match = default;
            if (creation.Constructor is not { } constructor || !_constructors.Exists(t => SymbolEqualityComparer.Default.Equals(t, creation.Type?.OriginalDefinition)))
            {
                return false;
            }

            if (SqlSinks.SqlParameterOf(constructor) is { } parameter && SqlSinks.ArgumentFor(creation.Arguments, parameter.Name) is { } value)
            {
                match = new SqlSinkMatch(SqlSinkKind.Library, value, "new " + constructor.ContainingType.Name, creation);
                return true;
            }

            return false;
        }

        public bool TryMatchAssignment(IAssignmentOperation assignment, out SqlSinkMatch match)
        {
            match = default;
            if (assignment is ICompoundAssignmentOperation || assignment.Target is not IPropertyReferenceOperation property)
            {
                return false;
            }

            foreach (var (type, name) in _properties)
            {
                if (property.Property.Name == name && TypeHierarchy.IsOrImplements(property.Property.ContainingType, type))
                {
                    match = new SqlSinkMatch(SqlSinkKind.Library, assignment.Value, type.Name + "." + name, assignment);
                    return true;
                }
            }

            return false;
        }
    }
}
