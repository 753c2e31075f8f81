namespace Kinerja.Shared.Modules;

/// <summary>Work a module does once at start, before requests are served: migrations and seeding.</summary>
public interface IModuleInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
