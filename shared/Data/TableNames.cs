using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kinerja.Shared.Data;

public static class TableNames
{
    /// <summary>An entity's table as SQL, the entity given as a type (code that walks a model): see <see cref="DatabaseEngines.Table{TEntity}"/>.</summary>
    public static string Table(this DbContext db, Type entity)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in {db.GetType().Name}", nameof(entity));
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    }
}
