namespace Kinerja.Shared.Security;

/// <summary>
/// A change to record: what was done, to which unit and code and period, and the value before and after
/// (any object; it is kept as JSON).
/// </summary>
public sealed record AuditEntry(string Action, string? Unit, string? Code, int? Year, int? Quarter, object? Before, object? After);

/// <summary>The append-only trail of every change. The host keeps it; modules write to it.</summary>
public interface IAuditTrail
{
    Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken cancellationToken);
}
