using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>Whether a reference to <c>actual</c> may stand where the declaration names <c>declared</c>.</summary>
internal static class ReferenceClassCheck
{
    /// <summary>
    /// True when nothing is declared, the names agree, the actual class is a subclass of the declared one, or the
    /// path names a superclass (a base-class URI whose selectors address a subclass instance). Unknown classes pass.
    /// </summary>
    public static bool Fits(string actual, string? declared, Func<string, CimClass?> classLookup)
    {
        if (declared is null || string.Equals(actual, declared, StringComparison.OrdinalIgnoreCase))
            return true;
        var actualClass = classLookup(actual);
        if (actualClass is null || actualClass.IsSubclassOf(declared))
            return true;
        return classLookup(declared)?.IsSubclassOf(actualClass.Name) ?? true;
    }
}
