namespace CimCloud.Cimom.Persistence;

/// <summary>What a row of the store holds (the <c>kind</c> column; values are part of the file format).</summary>
internal enum StoredObjectKind
{
    Namespace = 0,
    Qualifier = 1,
    Class = 2,
    Instance = 3,
}
