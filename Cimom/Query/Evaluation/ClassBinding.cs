using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>
/// What a query needs to know about one class, computed once: whether its instances are in the FROM
/// class's scope, the ordinal of each property the query uses (subclasses may lay slots out differently),
/// and the projection mask of the SELECT list.
/// </summary>
internal sealed class ClassBinding
{
    public ClassBinding(CimClass cimClass, string fromClassName, IReadOnlyList<string> slotNames, IReadOnlyList<string>? selected)
    {
        Class = cimClass;
        InScope = cimClass.IsSubclassOf(fromClassName);
        Ordinals = new int[slotNames.Count];
        for (var i = 0; i < Ordinals.Length; i++)
            Ordinals[i] = cimClass.Properties.IndexOf(slotNames[i]);
        if (selected is not null)
        {
            Mask = new bool[cimClass.Properties.Count];
            foreach (var name in selected)
            {
                var ordinal = cimClass.Properties.IndexOf(name);
                if (ordinal >= 0)
                    Mask[ordinal] = true;
            }
        }
    }

    public CimClass Class { get; }

    public bool InScope { get; }

    public int[] Ordinals { get; }

    /// <summary>Included-property flags for the SELECT list; null for <c>SELECT *</c>.</summary>
    public bool[]? Mask { get; }
}
