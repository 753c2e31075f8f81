using Kinerja.Shared.Registers;

namespace Kinerja.Shared.Sources;

/// <summary>A row of an imported file that was refused, and why.</summary>
public sealed record RefusedRow(int Line, string Field, string Reason);

/// <summary>
/// What an import did: accepted rows are stored together; the first <see cref="RefusedRows.Kept"/> refusals are listed
/// one by one in <see cref="Refused"/>, and <see cref="RefusedCount"/> counts them all. <see cref="InClosedQuarters"/>
/// counts the accepted rows that fall in a closed triwulan, whose figures they do not move; <see cref="ClosedQuarterNote"/>
/// says so in words when there are any.
/// </summary>
public sealed record ImportResult(
    string Register,
    string Module,
    int Rows,
    int Inserted,
    int Updated,
    int Unchanged,
    IReadOnlyList<RefusedRow> Refused,
    int RefusedCount,
    int InClosedQuarters = 0,
    string? ClosedQuarterNote = null)
{
    public int Accepted => Inserted + Updated + Unchanged;
}

/// <summary>What the accepted rows of a file did once written, and the module (or modules) that keep them.</summary>
public sealed record WrittenRows(string Module, int Inserted, int Updated, int Unchanged);

/// <summary>
/// A file read and checked, its accepted rows waiting on disk (<see cref="RowSpool{TRow}"/>) to be written in the
/// writer's turn; disposing it deletes them.
/// </summary>
public interface ICheckedFile : IDisposable
{
    /// <summary>Data rows read (the header not counted).</summary>
    int Rows { get; }

    /// <summary>
    /// Writes the accepted rows, called inside the import's unit of work, and counts in <paramref name="closed"/> those
    /// that fall in a closed triwulan (read in the same turn, so a rollup cannot close one in between).
    /// </summary>
    Task<WrittenRows> WriteAsync(ClosedQuarterRows closed, CancellationToken cancellationToken);
}

/// <summary>Imports one kind of register file (pmks, psks, tmp, layanan) into the module that keeps it.</summary>
public interface IRegisterImporter
{
    /// <summary>The register's name on the command line and in GraphQL, e.g. <c>pmks</c>.</summary>
    string Register { get; }

    string Module { get; }

    /// <summary>The headers of its file, in Bahasa Indonesia, in the order of the sample file.</summary>
    IReadOnlyList<string> Headers { get; }

    /// <summary>The unit whose operators import it; null when each row names its own (services, by indicator).</summary>
    string? OwnerUnit { get; }

    /// <summary>
    /// Reads and checks the file, outside the writer's turn: each refusal goes to <paramref name="refused"/>, each
    /// accepted row to disk, to be written by <see cref="ICheckedFile.WriteAsync"/>. A file refused as a whole throws.
    /// </summary>
    /// <param name="mayEnter">Whether the importing account may enter figures of a unit; rows of other units are refused.</param>
    ICheckedFile Check(Stream content, string fileName, TabularLimits limits, Func<string, bool> mayEnter, RefusedRows refused,
        CancellationToken cancellationToken);
}
