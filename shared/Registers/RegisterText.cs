namespace Kinerja.Shared.Registers;

/// <summary>How free text typed into a register is compared with a fixed list of names.</summary>
internal static class RegisterText
{
    /// <summary>
    /// The comparison key of a name: lower case with every whitespace removed, so "Ujung Pangkah",
    /// " UJUNGPANGKAH " and "ujung  pangkah" are one key. Other characters (/, -, parentheses) stay.
    /// </summary>
    public static string Key(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
