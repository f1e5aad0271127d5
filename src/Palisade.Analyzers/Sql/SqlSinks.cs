using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Sql
{
    /// <summary>
    /// The SQL APIs of one compilation, resolved once. ADO.NET sinks are found by type hierarchy (anything that
    /// implements <c>IDbCommand</c> or derives from <c>DbCommand</c>, <c>DbBatchCommand</c>, <c>DbDataAdapter</c>), so
    /// every provider (SqlClient, Npgsql, Sqlite, MySql, Oracle, OleDb, Odbc...) is covered without a list of names.
    /// </summary>
    internal sealed class SqlSinks
    {
        private static readonly string[] EfRawMethods = { "FromSqlRaw", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw" };

        /// <summary>EF Core 2.x/3.x overloads that take the SQL as a string or RawSqlString (not as a FormattableString).</summary>
        private static readonly string[] EfLegacyRawMethods = { "FromSql", "ExecuteSqlCommand", "ExecuteSqlCommandAsync" };

        private readonly LibrarySqlApis _libraries;

        private readonly INamedTypeSymbol? _idbCommand;
        private readonly INamedTypeSymbol? _dbCommand;
        private readonly INamedTypeSymbol? _dbBatchCommand;
        private readonly INamedTypeSymbol? _dbDataAdapter;
        private readonly INamedTypeSymbol? _sqlMapper;
        private readonly INamedTypeSymbol? _commandDefinition;
        private readonly INamedTypeSymbol? _efQueryable;
        private readonly INamedTypeSymbol? _efDatabase;

        private SqlSinks(Compilation compilation)
        {
            _idbCommand = TypeLookup.Find(compilation, "System.Data.IDbCommand");
            _dbCommand = TypeLookup.Find(compilation, "System.Data.Common.DbCommand");
            _dbBatchCommand = TypeLookup.Find(compilation, "System.Data.Common.DbBatchCommand");
            _dbDataAdapter = TypeLookup.Find(compilation, "System.Data.Common.DbDataAdapter");
            _sqlMapper = TypeLookup.Find(compilation, "Dapper.SqlMapper");
            _commandDefinition = TypeLookup.Find(compilation, "Dapper.CommandDefinition");
            _efQueryable = TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
            _efDatabase = TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
            _libraries = new LibrarySqlApis(compilation);
        }

        /// <summary>True when at least one SQL library is referenced.</summary>
        public bool Any => _idbCommand is not null || _dbCommand is not null || _sqlMapper is not null || _efQueryable is not null || _efDatabase is not null || _libraries.Any;

        public static SqlSinks Create(Compilation compilation) => new SqlSinks(compilation);

        /// <summary>Any SQL API this operation passes text to: an assignment, a creation, a call, or a configured sink.</summary>
        public bool TryMatch(IOperation operation, SqlSettings settings, out SqlSinkMatch match)
        {
            match = default;
            return operation switch
            {
                IAssignmentOperation assignment => TryMatchAssignment(assignment, out match),
                IObjectCreationOperation creation => TryMatchCreation(creation, out match) || TryMatchConfigured(creation, settings.AdditionalSinks, out match),
                IInvocationOperation invocation => TryMatchInvocation(invocation, out match) || TryMatchConfigured(invocation, settings.AdditionalSinks, out match),
                _ => false,
            };
        }

        /// <summary><c>command.CommandText = ...</c> (also inside an object initializer) and <c>command.CommandText += ...</c>.</summary>
        public bool TryMatchAssignment(IAssignmentOperation assignment, out SqlSinkMatch match)
        {
            match = default;
            var appended = assignment is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add };
            if (assignment is ICompoundAssignmentOperation && !appended)
            {
                return false;
            }

            if (_libraries.TryMatchAssignment(assignment, out match))
            {
                return true;
            }

            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "CommandText" } property &&
                StringTracer.IsString(property.Type) &&
                (IsCommand(property.Property.ContainingType) || IsCommand(property.Instance?.Type) || TypeHierarchy.InheritsFrom(property.Instance?.Type, _dbBatchCommand) || TypeHierarchy.InheritsFrom(property.Property.ContainingType, _dbBatchCommand)))
            {
                var typeName = (property.Instance?.Type ?? property.Property.ContainingType)?.Name ?? "DbCommand";
                match = new SqlSinkMatch(SqlSinkKind.AdoNet, assignment.Value, typeName + ".CommandText", assignment, isAppended: appended);
                return true;
            }

            return false;
        }

        /// <summary><c>new XCommand(sql, ...)</c>, <c>new XBatchCommand(sql)</c>, <c>new XDataAdapter(sql, ...)</c>, <c>new CommandDefinition(sql, ...)</c>.</summary>
        public bool TryMatchCreation(IObjectCreationOperation creation, out SqlSinkMatch match)
        {
            match = default;
            var type = creation.Type;
            if (type is null)
            {
                return false;
            }

            if (_libraries.TryMatchCreation(creation, out match))
            {
                return true;
            }

            // The argument first: every creation of the compilation comes here, and asking a constructed generic
            // type for its interfaces builds them (List<T>, Dictionary<K, V>...), while nearly no constructor takes
            // a string named like SQL text.
            IArgumentOperation? sqlArgument = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && StringTracer.IsString(parameter.Type) && NamesSqlText(parameter.Name))
                {
                    sqlArgument = argument;
                    break;
                }
            }

            if (sqlArgument is null)
            {
                return false;
            }

            var isDapper = _commandDefinition is not null && SymbolEqualityComparer.Default.Equals(type, _commandDefinition);
            if (!isDapper && !IsCommand(type) && !TypeHierarchy.InheritsFrom(type, _dbBatchCommand) && !TypeHierarchy.InheritsFrom(type, _dbDataAdapter))
            {
                return false;
            }

            match = new SqlSinkMatch(isDapper ? SqlSinkKind.Dapper : SqlSinkKind.AdoNet, sqlArgument.Value, "new " + type.Name, creation);
            return true;
        }

        /// <summary>Dapper's SqlMapper extensions and EF Core's raw SQL methods.</summary>
        public bool TryMatchInvocation(IInvocationOperation invocation, out SqlSinkMatch match)
        {
            match = default;
            var method = invocation.TargetMethod;
            var containing = method.ContainingType;
            if (containing is null)
            {
                return false;
            }

            if (_sqlMapper is not null && SymbolEqualityComparer.Default.Equals(containing, _sqlMapper))
            {
                var sql = ArgumentFor(invocation, "sql");
                if (sql is not null)
                {
                    match = new SqlSinkMatch(SqlSinkKind.Dapper, sql, "SqlMapper." + method.Name, invocation);
                    return true;
                }

                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(containing, _efQueryable) || SymbolEqualityComparer.Default.Equals(containing, _efDatabase))
            {
                var legacy = Array.IndexOf(EfLegacyRawMethods, method.Name) >= 0;
                if (legacy || Array.IndexOf(EfRawMethods, method.Name) >= 0)
                {
                    var sql = ArgumentFor(invocation, "sql");
                    if (sql is not null)
                    {
                        match = new SqlSinkMatch(SqlSinkKind.EfCore, sql, method.Name, invocation, SafeAlternative(containing, method.Name), isLegacy: legacy);
                        return true;
                    }
                }

                return false;
            }

            return _libraries.TryMatchInvocation(invocation, out match);
        }

        /// <summary>A configured sink: the SQL is the parameter named like SQL text, else the first string parameter.</summary>
        public static bool TryMatchConfigured(IInvocationOperation invocation, MethodList configured, out SqlSinkMatch match)
        {
            match = default;
            if (!configured.Contains(invocation.TargetMethod))
            {
                return false;
            }

            var parameter = SqlParameterOf(invocation.TargetMethod);
            var value = parameter is null ? null : ArgumentFor(invocation, parameter.Name);
            if (value is null)
            {
                return false;
            }

            match = new SqlSinkMatch(SqlSinkKind.Configured, value, invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name, invocation);
            return true;
        }

        /// <summary>A configured constructor (<c>MyCo.Data.Query.#ctor</c> or its documentation ID): its SQL argument is the sink.</summary>
        public static bool TryMatchConfigured(IObjectCreationOperation creation, MethodList configured, out SqlSinkMatch match)
        {
            match = default;
            if (creation.Constructor is not { } constructor || !configured.Contains(constructor))
            {
                return false;
            }

            var parameter = SqlParameterOf(constructor);
            var value = parameter is null ? null : ArgumentFor(creation.Arguments, parameter.Name);
            if (value is null)
            {
                return false;
            }

            match = new SqlSinkMatch(SqlSinkKind.Configured, value, "new " + constructor.ContainingType.Name, creation);
            return true;
        }

        /// <summary>Which parameter of a configured sink holds the SQL: one named sql/query/commandText/cmdText/text, else the first string.</summary>
        public static IParameterSymbol? SqlParameterOf(IMethodSymbol method)
        {
            IParameterSymbol? firstString = null;
            foreach (var parameter in method.Parameters)
            {
                if (!IsSqlText(parameter.Type))
                {
                    continue;
                }

                if (NamesSqlText(parameter.Name))
                {
                    return parameter;
                }

                firstString ??= parameter;
            }

            return firstString;
        }

        public static IOperation? ArgumentFor(IInvocationOperation invocation, string parameterName) => ArgumentFor(invocation.Arguments, parameterName);

        public static IOperation? ArgumentFor(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameterName && IsSqlText(argument.Parameter.Type) && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// A string, or a type that converts implicitly from one (EF Core's RawSqlString, a data layer's own SqlText):
        /// text written at the call arrives there unchanged.
        /// </summary>
        public static bool IsSqlText(ITypeSymbol? type)
        {
            if (StringTracer.IsString(type))
            {
                return true;
            }

            if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is TypeKind.Interface or TypeKind.Delegate)
            {
                return false;
            }

            foreach (var member in named.GetMembers("op_Implicit"))
            {
                if (member is IMethodSymbol { Parameters.Length: 1 } conversion && StringTracer.IsString(conversion.Parameters[0].Type) &&
                    SymbolEqualityComparer.Default.Equals(conversion.ReturnType, named))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"cmdText", "commandText", "selectCommandText", "sql", "query", "text", "cqlQuery", "command" — never a connection string.</summary>
        private static bool NamesSqlText(string name) =>
            name.IndexOf("text", StringComparison.OrdinalIgnoreCase) >= 0 ||
            name.IndexOf("sql", StringComparison.OrdinalIgnoreCase) >= 0 ||
            name.IndexOf("query", StringComparison.OrdinalIgnoreCase) >= 0 ||
            name.Equals("command", StringComparison.OrdinalIgnoreCase);

        private bool IsCommand(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            // The base chain first: it costs nothing, and every provider's command derives from DbCommand.
            if (TypeHierarchy.InheritsFrom(type, _dbCommand))
            {
                return true;
            }

            if (_idbCommand is not null)
            {
                if (SymbolEqualityComparer.Default.Equals(type, _idbCommand))
                {
                    return true;
                }

                foreach (var candidate in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate, _idbCommand))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The interpolated API the referenced EF Core version offers (FromSql since EF Core 7, else FromSqlInterpolated).</summary>
        private static string SafeAlternative(INamedTypeSymbol extensions, string rawName)
        {
            var candidates = rawName switch
            {
                "FromSqlRaw" or "FromSql" => new[] { "FromSql", "FromSqlInterpolated" },
                "ExecuteSqlRaw" or "ExecuteSqlCommand" => new[] { "ExecuteSql", "ExecuteSqlInterpolated", "ExecuteSqlCommand" },
                "ExecuteSqlRawAsync" or "ExecuteSqlCommandAsync" => new[] { "ExecuteSqlAsync", "ExecuteSqlInterpolatedAsync", "ExecuteSqlCommandAsync" },
                _ => new[] { "SqlQuery" },
            };

            foreach (var candidate in candidates)
            {
                foreach (var member in extensions.GetMembers(candidate))
                {
                    if (member is IMethodSymbol method && HasFormattableParameter(method))
                    {
                        return candidate;
                    }
                }
            }

            return candidates[candidates.Length - 1];
        }

        private static bool HasFormattableParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.Name == "FormattableString")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
