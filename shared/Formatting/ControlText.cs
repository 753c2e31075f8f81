using System.Buffers;

namespace Kinerja.Shared.Formatting;

/// <summary>
/// The one rule for stored text: no control character but tab and line breaks (a NUL, an escape, C1 controls). Invisible on
/// screen, they break the reports made from the text, and PostgreSQL cannot store a NUL. Requests, uploaded files and files
/// read on the server are all checked by it.
/// </summary>
public static class ControlText
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    /// <summary>The first refused character of <paramref name="text"/>; null when there is none.</summary>
    public static char? FirstRefused(ReadOnlySpan<char> text) => text.IndexOfAny(Refused) is var at and >= 0 ? text[at] : null;
}
