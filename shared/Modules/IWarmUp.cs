namespace Kinerja.Shared.Modules;

/// <summary>
/// Work a module does in the background once the host listens, so that the first requests find it done:
/// reading what they will read (the current year, counts kept in the database). Requests never wait for a
/// warm-up to finish; one that needs the same reading shares it while it is under way.
/// </summary>
public interface IWarmUp
{
    Task WarmUpAsync(CancellationToken cancellationToken);
}
