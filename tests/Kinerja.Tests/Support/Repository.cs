namespace Kinerja.Tests.Support;

public static class Repository
{
    /// <summary>The checkout's root: the folder holding Kinerja.Modular.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kinerja.Modular.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Kinerja.Modular.sln tidak ditemukan di atas folder tes.");
    }
}
