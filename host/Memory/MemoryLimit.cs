using System.Globalization;
using Kinerja.Host.Data;

namespace Kinerja.Host.Memory;

/// <summary>
/// The bound on the host's managed heap, <c>Kinerja:Memory:HeapLimitMegabytes</c>: the part of its memory that grows with
/// requests, imports and reports (the code, the runtime and the engine's libraries are about 150 MB more, fixed). Without
/// it the runtime bounds the heap only inside a container (three quarters of its memory limit), not on a plain server;
/// at the bound the GC collects harder, and past it an allocation fails (OutOfMemoryException in that request or job)
/// instead of the server swapping. A container's lower bound is kept. Applied at start by the runtime's own hook
/// (<see cref="GC.RefreshMemoryLimit"/>), so the setting sits with Kinerja's others, not in the program's runtimeconfig.
/// </summary>
internal static class MemoryLimit
{
    public const string Setting = "Kinerja:Memory:HeapLimitMegabytes";

    /// <summary>
    /// Far above what a host keeps live under load (13-15 MB) and what an import or a report allocates at once, and small
    /// beside what a server has: a runaway request is stopped long before the machine is.
    /// </summary>
    public const int DefaultMegabytes = 384;

    private const int Smallest = 64;
    private const int Largest = 1024 * 1024;

    /// <summary>The limit in bytes, or null for none (<c>0</c>): the runtime's own.</summary>
    public static ulong? Bytes(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (text is not { Length: > 0 })
        {
            return (ulong)DefaultMegabytes << 20;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes is not 0 and (< Smallest or > Largest))
        {
            throw new SettingException($"{Setting}: '{text}' harus bilangan bulat megabita {Smallest} sampai {Largest}, atau 0 tanpa batas (bawaan {DefaultMegabytes}).");
        }
        return megabytes == 0 ? null : (ulong)megabytes << 20;
    }

    /// <summary>Sets the heap's bound before the host builds anything.</summary>
    public static void ApplyMemoryLimit(this WebApplicationBuilder builder)
    {
        // A container's limit may have bounded the heap lower already (GC's figure is the machine's memory otherwise).
        if (Bytes(builder.Configuration) is { } bytes && bytes < (ulong)GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)
        {
            AppContext.SetData("GCHeapHardLimit", bytes);
            try
            {
                GC.RefreshMemoryLimit();
            }
            catch (InvalidOperationException e)
            {
                throw new SettingException($"{Setting}: {bytes >> 20} MB tidak dapat dipakai ({e.Message}).");
            }
        }
    }
}
