namespace Kinerja.Shared.Sources;

/// <summary>A row of an imported file that was refused, and why.</summary>
public sealed record RefusedRow(int Line, string Field, string Reason);

/// <summary>What an import did: accepted rows are stored together, refused rows are listed one by one.</summary>
public sealed record ImportResult(
    string Register,
    string Module,
    int Rows,
    int Inserted,
    int Updated,
    int Unchanged,
    IReadOnlyList<RefusedRow> Refused)
{
    public int Accepted => Inserted + Updated + Unchanged;
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

    /// <param name="mayEnter">Whether the importing account may enter figures of a unit; rows of other units are refused.</param>
    Task<ImportResult> ImportAsync(Stream content, string fileName, Func<string, bool> mayEnter, CancellationToken cancellationToken);
}
