namespace Kinerja.Shared.Sources;

/// <summary>Where a kegiatan indicator's figure or a base-data stock comes from in a year.</summary>
public enum ValueSource
{
    /// <summary>Typed in by the unit each triwulan: what offices do today, and the default.</summary>
    Entered,

    /// <summary>Counted from the module's register.</summary>
    Register,
}
