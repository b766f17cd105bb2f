namespace CimCloud.Cimom.Schema;

/// <summary>Rules for CIM element names (DSP0004 identifiers).</summary>
public static class CimNames
{
    /// <summary>A letter or underscore, then letters, digits and underscores (any Unicode letter).</summary>
    public static bool IsValidIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsLetter(name[0]) || name[0] == '_'))
            return false;
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
                return false;
        }

        return true;
    }

    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
