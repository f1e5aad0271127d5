using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Sql
{
    /// <summary>
    /// The SQL options of one .editorconfig section, with the tracer built for them:
    /// <c>palisade.sql.additional_sinks</c> (methods that run their string argument as SQL) and
    /// <c>palisade.sql.sanitizers</c> (methods whose result is safe to splice into SQL, added to the defaults).
    /// </summary>
    internal sealed class SqlSettings
    {
        public const string AdditionalSinksKey = "sql.additional_sinks";
        public const string SanitizersKey = "sql.sanitizers";

        /// <summary>Identifier quoting helpers. Listing DbCommandBuilder's covers every provider's override.</summary>
        public static readonly IReadOnlyList<string> DefaultSanitizers = new[]
        {
            "System.Data.Common.DbCommandBuilder.QuoteIdentifier",
            "Microsoft.Data.SqlClient.SqlCommandBuilder.QuoteIdentifier",
            "System.Data.SqlClient.SqlCommandBuilder.QuoteIdentifier",
            "Npgsql.NpgsqlCommandBuilder.QuoteIdentifier",
            "MySql.Data.MySqlClient.MySqlCommandBuilder.QuoteIdentifier",
            "MySqlConnector.MySqlCommandBuilder.QuoteIdentifier",
            "Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper.DelimitIdentifier",
        };

        private SqlSettings(StringTracer tracer, MethodList additionalSinks)
        {
            Tracer = tracer;
            AdditionalSinks = additionalSinks;
        }

        public StringTracer Tracer { get; }

        public MethodList AdditionalSinks { get; }

        /// <summary>The method summaries (which parameters reach a sink) under these settings, kept with them in the compilation's context.</summary>
        public ForwardingSinks Forwarding(SqlSinks sinks)
        {
            var existing = _forwarding;
            if (existing is not null)
            {
                return existing;
            }

            System.Threading.Interlocked.CompareExchange(ref _forwarding, new ForwardingSinks(sinks, this), null);
            return _forwarding!;
        }

        private ForwardingSinks? _forwarding;

        public static SqlSettings Create(Compilation compilation, string? additionalSinks, string? sanitizers)
        {
            var sanitizerList = MethodList.Parse(compilation, DefaultSanitizers.Concat(PalisadeOptions.SplitList(sanitizers)));
            return new SqlSettings(new StringTracer(compilation, sanitizerList), MethodList.Parse(compilation, PalisadeOptions.SplitList(additionalSinks)));
        }

        /// <summary>The settings for one file, built once per distinct option section and shared by the files in it.</summary>
        public static SqlSettings For(Compilation compilation, AnalyzerOptions options, SyntaxTree tree) =>
            FlowContext.Get(compilation).Derived(
                PalisadeOptions.For(options, tree),
                "sql",
                file => Create(compilation, file.GetString(AdditionalSinksKey), file.GetString(SanitizersKey)));
    }
}
