namespace Kinerja.Shared.Periods;

/// <summary>
/// The triwulan a rollup has closed and nobody has reopened, kept by the office level: the figures of a period ending in
/// one answer from its snapshot. The kernel reads them where it must know without depending on that module (a register
/// import says how many of its rows fall in a closed triwulan).
/// </summary>
public interface IClosedQuarters
{
    /// <summary>Every closed triwulan, by year and triwulan; read inside the caller's change when it runs in one.</summary>
    Task<IReadOnlyList<(int Year, int Quarter)>> ClosedAsync(CancellationToken cancellationToken);
}
