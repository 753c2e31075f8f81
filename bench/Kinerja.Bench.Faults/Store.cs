using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Kinerja.Bench.Faults;

/// <summary>What a data directory holds, read straight from its SQLite file after a host process has gone.</summary>
internal sealed class Store(string dataDirectory)
{
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "kinerja.db"),
        Pooling = false,
    }.ToString();

    public long Count(string table, string where = "1 = 1") => (long)Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE {where}")!;

    public long DataVersion() => Scalar("SELECT \"Version\" FROM host_data_version WHERE \"Id\" = 1") is long version ? version : 0;

    /// <summary>SQLite's own check of the file after a kill: "ok" when every page and index is sound.</summary>
    public string IntegrityCheck() => (string)Scalar("PRAGMA integrity_check;")!;

    /// <summary>A digest of the PMKS register, row by row in key order: equal digests, equal registers.</summary>
    public string PmksDigest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Digest(hash, """SELECT "Nik", "Name", "Sex", "BirthDate", "Desa", "Kecamatan" FROM pemberdayaan_persons ORDER BY "Nik" """);
        Digest(hash, """SELECT "Nik", "Category", "StartedOn", "EndedOn" FROM pemberdayaan_person_categories ORDER BY "Nik", "Category", "StartedOn" """);
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    /// <summary>The snapshots of a triwulan: (revision, fingerprint of its values, how many values).</summary>
    public IReadOnlyList<(long Revision, string Fingerprint, long Values)> Snapshots(int year, int quarter)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s."Revision", s."Fingerprint", (SELECT COUNT(*) FROM cascade_snapshot_values v WHERE v."SnapshotId" = s."Id")
            FROM cascade_snapshots s WHERE s."Year" = $y AND s."Quarter" = $q ORDER BY s."Revision"
            """;
        command.Parameters.AddWithValue("$y", year);
        command.Parameters.AddWithValue("$q", quarter);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return rows;
    }

    /// <summary>Whether the triwulan is closed (false when it never was).</summary>
    public bool Closed(int year, int quarter) =>
        Scalar($"SELECT \"Closed\" FROM cascade_quarter_closures WHERE \"Year\" = {year} AND \"Quarter\" = {quarter}") is long closed && closed == 1;

    private void Digest(IncrementalHash hash, string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var row = new StringBuilder();
        while (reader.Read())
        {
            row.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i)).Append('\u241f');
            }
            hash.AppendData(Encoding.UTF8.GetBytes(row.Append('\n').ToString()));
        }
    }

    private object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
