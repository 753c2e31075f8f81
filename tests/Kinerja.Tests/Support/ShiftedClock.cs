using System.Diagnostics;

namespace Kinerja.Tests.Support;

/// <summary>A clock that starts at a chosen instant and runs at the real pace from there.</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_origin);
}
