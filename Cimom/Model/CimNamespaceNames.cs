namespace CimCloud.Cimom.Model;

/// <summary>What a namespace name may look like: segments of letters, digits, '_', '-' or '.', separated by '/'.</summary>
public static class CimNamespaceNames
{
    public static bool IsValid(string name, out string why)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            why = "a namespace name cannot be empty";
            return false;
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            why = "a namespace name is a path such as root/cimv2, not a URL";
            return false;
        }

        foreach (var segment in name.Replace('\\', '/').Trim('/').Split('/'))
        {
            if (segment.Length == 0 || !segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                why = $"'{segment}' is not a valid namespace segment";
                return false;
            }
        }

        why = string.Empty;
        return true;
    }
}
