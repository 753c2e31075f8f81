using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kinerja.Shared.Data;

/// <summary>Names of a context's tables for plain SQL, as its engine writes them: schema-qualified where the engine has schemas.</summary>
public static class TableNames
{
    /// <summary>The delimited, qualified name of <typeparamref name="TEntity"/>'s table, e.g. "pemberdayaan"."pemberdayaan_persons".</summary>
    public static string TableOf<TEntity>(this DbContext db) => db.TableOf(typeof(TEntity));

    public static string TableOf(this DbContext db, Type entity)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in {db.GetType().Name}", nameof(entity));
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    }
}
