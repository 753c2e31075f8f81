using System.Text.Encodings.Web;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Accounts;

internal sealed record AuditQuery(string? Unit, string? Code, string? User, DateTimeOffset? From, DateTimeOffset? To, int Limit);

/// <summary>The audit trail in the host's database: rows are added, never changed or removed.</summary>
internal sealed class AuditTrail : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Func<AccountsDbContext> _createContext;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _clock;

    public AuditTrail(Func<AccountsDbContext> createContext, IHttpContextAccessor http, TimeProvider clock)
    {
        _createContext = createContext;
        _http = http;
        _clock = clock;
    }

    public async Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        // A row belongs to its change: it is written in the change's transaction, never on its own.
        db.RequireTransaction();
        db.AuditTrail.Add(new AuditRecord
        {
            AtUtc = _clock.GetUtcNow().UtcDateTime,
            User = caller.UserName ?? "(tanpa akun)",
            Action = entry.Action,
            Unit = entry.Unit,
            Code = entry.Code,
            Year = entry.Year,
            Quarter = entry.Quarter,
            Before = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before, Json),
            After = entry.After is null ? null : JsonSerializer.Serialize(entry.After, Json),
            Origin = Origin(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var rows = db.AuditTrail.AsNoTracking().AsQueryable();
        if (query.Unit is not null)
        {
            rows = rows.Where(a => a.Unit == query.Unit);
        }
        if (query.Code is not null)
        {
            rows = rows.Where(a => a.Code == query.Code);
        }
        if (query.User is not null)
        {
            rows = rows.Where(a => a.User == query.User);
        }
        if (query.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            rows = rows.Where(a => a.AtUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            rows = rows.Where(a => a.AtUtc <= toUtc);
        }
        return await rows.OrderByDescending(a => a.Id).Take(query.Limit).ToListAsync(cancellationToken);
    }

    private string Origin()
    {
        if (_http.HttpContext is not { } context)
        {
            return "baris perintah";
        }
        var agent = context.Request.Headers.UserAgent.ToString();
        return $"{context.Connection.RemoteIpAddress?.ToString() ?? "lokal"}{(agent.Length > 0 ? $" ({agent})" : "")}";
    }
}
