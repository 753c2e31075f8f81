namespace Kinerja.Shared.Sources;

/// <summary>A count from a register, as a whole and by kecamatan (the rows add up to the whole).</summary>
public sealed record RegisterCount(long Total, IReadOnlyDictionary<string, long> ByKecamatan)
{
    public long Of(string? kecamatan) => kecamatan is null ? Total : ByKecamatan.GetValueOrDefault(kecamatan);
}

/// <summary>
/// The kegiatan COUNT indicators a module counts from its services register: the distinct persons or
/// institutions served in a period. The cascade reads registers only through these contracts.
/// </summary>
public interface IServiceCounter
{
    string Module { get; }

    IReadOnlyCollection<string> Indicators { get; }

    /// <summary>Distinct subjects served under an indicator from <paramref name="from"/> through <paramref name="to"/>, both inclusive.</summary>
    Task<RegisterCount> CountServedAsync(string indicator, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The subjects behind that count, each once, in the kecamatan it is counted in.</summary>
    Task<IReadOnlyList<ServedSubject>> ListServedAsync(string indicator, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>
/// Someone a count stands for: a person's NIK (personal data, see <see cref="Registers.Nik.Mask"/>) or an
/// institution's registration number, with the kecamatan and date of their latest service in the period.
/// </summary>
public sealed record ServedSubject(string Subject, bool IsInstitution, string Kecamatan, DateOnly LastServedOn, int Services);

/// <summary>The base-data stocks a module counts from its registers.</summary>
public interface IStockCounter
{
    string Module { get; }

    IReadOnlyCollection<string> Measures { get; }

    /// <summary>A stock as it stood at the end of <paramref name="at"/>.</summary>
    Task<RegisterCount> CountStockAsync(string measure, DateOnly at, CancellationToken cancellationToken);
}
