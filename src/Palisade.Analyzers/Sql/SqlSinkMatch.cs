using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Sql
{
    /// <summary>One place where SQL text enters a SQL API.</summary>
    internal readonly struct SqlSinkMatch
    {
        public SqlSinkMatch(SqlSinkKind kind, IOperation value, string name, IOperation site, string? safeAlternative = null, bool isAppended = false, bool isLegacy = false)
        {
            IsLegacy = isLegacy;
            IsAppended = isAppended;
            Kind = kind;
            Value = value;
            Name = name;
            Site = site;
            SafeAlternative = safeAlternative;
        }

        public SqlSinkKind Kind { get; }

        /// <summary>The SQL text as passed (the argument value or the assigned value).</summary>
        public IOperation Value { get; }

        /// <summary>How messages name the sink ("SqlCommand.CommandText", "SqlMapper.Query").</summary>
        public string Name { get; }

        /// <summary>The assignment, invocation or object creation that is the sink.</summary>
        public IOperation Site { get; }

        /// <summary>True for <c>CommandText += value</c>: the value is only the end of the text, so no fix is offered.</summary>
        public bool IsAppended { get; }

        /// <summary>An older overload (EF Core's FromSql(string), ExecuteSqlCommand): reported, but not rewritten.</summary>
        public bool IsLegacy { get; }

        /// <summary>For EF Core: the interpolated API that replaces the raw one (FromSql, ExecuteSqlInterpolated...).</summary>
        public string? SafeAlternative { get; }
    }
}
