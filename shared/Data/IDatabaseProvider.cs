using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// The database engine the host runs on. Modules describe their tables; which engine stores them, and
/// where, is the host's choice, so no module carries engine-specific code.
/// </summary>
public interface IDatabaseProvider
{
    void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable);
}
