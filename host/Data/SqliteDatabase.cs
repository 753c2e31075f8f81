using Kinerja.Shared.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Host.Data;

/// <summary>The embedded database: one SQLite file in the data directory, shared by the modules' own tables.</summary>
internal sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    public SqliteDatabaseProvider(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable) =>
        options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
}

internal static class DatabaseHosting
{
    public const string DataDirectorySetting = "Kinerja:DataDirectory";
    public const string DatabaseFileName = "kinerja.db";

    public static void AddKinerjaDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = ConnectionString(builder.Configuration);
        EnableWriteAheadLog(connectionString);
        builder.Services.AddSingleton<IDatabaseProvider>(new SqliteDatabaseProvider(connectionString));
    }

    /// <summary>The database file in the configured data directory.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory(configuration), DatabaseFileName), Pooling = true }.ToString();

    /// <summary>The configured data directory, made if missing.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration[DataDirectorySetting] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(directory);
        return directory;
    }

    // WAL lets readers go on while a module writes; the setting is kept in the file.
    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
