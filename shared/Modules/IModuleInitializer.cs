namespace Kinerja.Shared.Modules;

/// <summary>Work a module does once at start, before requests are served: migrations and seeding.</summary>
public interface IModuleInitializer
{
    /// <summary>
    /// What <see cref="InitializeAsync"/> establishes (its migrations, the catalog it seeds, a schedule), as
    /// text: a start whose initializers all say what they said at the last completed start skips them.
    /// </summary>
    string State { get; }

    Task InitializeAsync(CancellationToken cancellationToken);
}
