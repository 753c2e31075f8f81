namespace Kinerja.Shared.Data;

/// <summary>
/// The data version as a request first reads it, read once however many times the request asks: checking the caller's
/// token and finding a kept answer both need it, and a kept answer must cost one statement.
/// </summary>
public sealed class RequestDataVersion(IDataVersion version)
{
    private Task<long>? _first;

    public Task<long> FirstAsync(CancellationToken cancellationToken) => _first ??= version.CurrentAsync(cancellationToken);
}
