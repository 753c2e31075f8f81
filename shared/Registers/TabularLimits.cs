namespace Kinerja.Shared.Registers;

/// <summary>
/// What one uploaded file may hold before it is refused as a whole: bounds that keep an upload's memory and time small
/// whatever it holds (a row of a few hundred thousand columns, a small XLSX whose shared strings expand to gigabytes).
/// </summary>
/// <param name="MaxColumns">Columns of a row, the header included (Kinerja:Registers:MaxColumns).</param>
/// <param name="MaxSharedStrings">Texts in an XLSX's shared-string table (Kinerja:Registers:MaxSharedStrings).</param>
/// <param name="MaxSharedStringChars">Their characters together (Kinerja:Registers:MaxSharedStringChars).</param>
public sealed record TabularLimits(int MaxColumns, int MaxSharedStrings, long MaxSharedStringChars)
{
    /// <summary>
    /// A register has at most nine columns; an XLSX of Excel's 1,048,576 rows with a unique name and NIK on each
    /// holds some 2.1 million shared strings of about 35 million characters.
    /// </summary>
    public static readonly TabularLimits Default = new(1_024, 3_000_000, 50_000_000);
}
