using System.Collections.Generic;

namespace Palisade.Analyzers.Tests.Sql.RealCode
{
    /// <summary>Application code where SQL is built from input or input is run as SQL: every case is flagged.</summary>
    public static class ApplicationShapes
    {
        private const string Usings = """
            using System;
            using System.Data;
            using System.Data.Common;
            using System.Linq;
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.Data.Sqlite;

            """;

        public static readonly IReadOnlyList<RealCodeCase> Cases = new[]
        {
            new RealCodeCase("Controller passes input to a repository that concatenates", "PAL1001", Usings + """
                public sealed class UserRepository
                {
                    private readonly SqliteConnection _connection;
                    public UserRepository(SqliteConnection connection) => _connection = connection;
                    public int CountByName(string name)
                    {
                        using var command = _connection.CreateCommand();
                        command.CommandText = {|#0:"SELECT COUNT(*) FROM Users WHERE Name = '" + name + "'"|};
                        return Convert.ToInt32(command.ExecuteScalar());
                    }
                }

                [ApiController]
                public sealed class UsersController : ControllerBase
                {
                    private readonly UserRepository _users;
                    public UsersController(UserRepository users) => _users = users;
                    [HttpGet] public IActionResult Count(string name) => Ok(_users.CountByName(name));
                }
                """),
            new RealCodeCase("Controller action runs its parameter as the statement", "PAL1004", Usings + """
                public sealed class ReportsController : ControllerBase
                {
                    private readonly SqliteConnection _connection = new("Data Source=:memory:");
                    [HttpPost]
                    public IActionResult Run(string query)
                    {
                        using var command = _connection.CreateCommand();
                        command.CommandText = {|#0:query|};
                        return Ok(command.ExecuteNonQuery());
                    }
                }
                """),
            new RealCodeCase("Action forwards its parameter to a data-access method", "PAL1004", Usings + """
                public sealed class Db
                {
                    private readonly SqliteConnection _connection = new("Data Source=:memory:");
                    public int Execute(string sql) { using var c = _connection.CreateCommand(); c.CommandText = sql; return c.ExecuteNonQuery(); }
                }

                [Route("admin")]
                public sealed class AdminController : Controller
                {
                    private readonly Db _db = new();
                    public IActionResult Exec([FromBody] string statement) => Ok(_db.Execute({|#0:statement|}));
                }
                """),
            new RealCodeCase("Request query string run as the statement", "PAL1004", Usings + """
                public sealed class Endpoint
                {
                    public int Handle(HttpContext context, SqliteConnection connection)
                    {
                        string sql = context.Request.Query["sql"];
                        return connection.Execute({|#0:sql|});
                    }
                }
                """),
            new RealCodeCase("Minimal API handler runs its parameter", "PAL1004", Usings + """
                public static class Api
                {
                    public static void Map(WebApplication app, SqliteConnection connection) =>
                        app.MapGet("/run", (string q) => connection.Execute({|#0:q|}));
                }
                """),
            new RealCodeCase("Razor page handler concatenates a bound property", "PAL1001", Usings + """
                public sealed class SearchModel : PageModel
                {
                    public void OnGet(IDbCommand command, string term)
                    {
                        command.CommandText = {|#0:$"SELECT * FROM Items WHERE Title LIKE '%{term}%'"|};
                    }
                }
                """),
            new RealCodeCase("Header value concatenated into a filter", "PAL1001", Usings + """
                public sealed class Tenant
                {
                    public void Load(HttpRequest request, IDbCommand command)
                    {
                        var tenant = request.Headers["X-Tenant"].ToString();
                        command.CommandText = {|#0:"SELECT * FROM Orders WHERE Tenant = '" + tenant + "'"|};
                    }
                }
                """),
            new RealCodeCase("One branch builds text, the other passes a statement through", "PAL1001", Usings + """
                public sealed class Mixed
                {
                    public void Run(IDbCommand command, string name, string prepared, bool adHoc)
                    {
                        string sql;
                        if (adHoc) sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
                        else sql = prepared;
                        command.CommandText = {|#0:sql|};
                    }
                }
                """),
            new RealCodeCase("Local reused later for DDL keeps its first finding", "PAL1001", Usings + """
                public sealed class Reuse
                {
                    public void Run(IDbCommand command, string name, string table)
                    {
                        var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
                        command.CommandText = {|#0:sql|};
                        command.ExecuteNonQuery();
                        sql = "DROP TABLE Archive";
                        command.CommandText = sql;
                    }
                }
                """),
        };
    }
}
