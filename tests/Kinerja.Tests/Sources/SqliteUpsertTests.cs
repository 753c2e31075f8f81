using Kinerja.Host.Data;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kinerja.Tests.Sources;

/// <summary>
/// The SQLite provider runs imports' upserts on SQLite's own statements: they must store what the portable
/// <see cref="Upsert"/> (Microsoft.Data.Sqlite's commands) stores, and tell inserted, updated and unchanged alike.
/// </summary>
public sealed class SqliteUpsertTests
{
    private const string Table = "things";

    private static readonly object?[][] Rows =
    [
        ["A", 1, "nama", new DateOnly(2026, 3, 31), null, 7L, 1.5, true],
        ["B", 2, "ÁÉ ünicode, S.Pd", new DateOnly(999, 1, 2), new DateOnly(2026, 12, 31), long.MaxValue, -0.25, false],
        ["A", 1, "nama", new DateOnly(2026, 3, 31), null, 7L, 1.5, true],
        ["A", 1, "nama baru", new DateOnly(2026, 3, 31), new DateOnly(2027, 1, 1), 7L, 1.5, true],
        ["A", 1, "nama baru", new DateOnly(2026, 3, 31), null, 7L, 1.5, true],
        ["A", 2, "lain", new DateOnly(2026, 4, 1), null, 0L, 0.0, false],
    ];

    private static readonly UpsertOutcome[] Expected =
    [
        UpsertOutcome.Inserted, UpsertOutcome.Inserted, UpsertOutcome.Unchanged, UpsertOutcome.Updated, UpsertOutcome.Updated, UpsertOutcome.Inserted,
    ];

    [Fact]
    public async Task Given_the_same_rows_Then_SQLites_own_statements_store_and_tally_what_the_portable_upsert_does()
    {
        using var data = new TempDirectory();
        var portable = await WriteAsync(Path.Combine(data.Path, "portable.db"), async (c, t) => await Upsert.PrepareAsync(c, t, Table, Keys, Values, CancellationToken.None));
        var provider = new SqliteDatabaseProvider("unused");
        var own = await WriteAsync(Path.Combine(data.Path, "own.db"), (c, t) => provider.PrepareUpsertAsync(c, t, Table, Keys, Values, CancellationToken.None));

        Assert.Equal(Expected, portable.Outcomes);
        Assert.Equal(Expected, own.Outcomes);
        Assert.Equal(portable.Stored, own.Stored);
        Assert.Equal(3, own.Stored.Count);
    }

    private static readonly string[] Keys = ["Code", "Number"];
    private static readonly string[] Values = ["Name", "On", "Until", "Big", "Ratio", "Flag"];

    private static async Task<(List<UpsertOutcome> Outcomes, List<string> Stored)> WriteAsync(string file,
        Func<SqliteConnection, SqliteTransaction, Task<IUpsert>> prepare)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"""
                CREATE TABLE "{Table}" ("Code" TEXT NOT NULL, "Number" INTEGER NOT NULL, "Name" TEXT NOT NULL, "On" TEXT NOT NULL,
                    "Until" TEXT NULL, "Big" INTEGER NOT NULL, "Ratio" REAL NOT NULL, "Flag" INTEGER NOT NULL);
                CREATE UNIQUE INDEX "IX_things" ON "{Table}" ("Code", "Number");
                """;
            await create.ExecuteNonQueryAsync();
        }
        var outcomes = new List<UpsertOutcome>();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using (var upsert = await prepare(connection, transaction))
            {
                foreach (var row in Rows)
                {
                    outcomes.Add(await upsert.ExecuteAsync(row, CancellationToken.None));
                }
            }
            await transaction.CommitAsync();
        }
        var stored = new List<string>();
        await using var read = connection.CreateCommand();
        read.CommandText = $"""SELECT quote("Code") || quote("Number") || quote("Name") || quote("On") || quote("Until") || quote("Big") || quote("Ratio") || quote("Flag") FROM "{Table}" ORDER BY "Code", "Number" """;
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0));
        }
        return (outcomes, stored);
    }
}
