using System.Globalization;
using CimCloud.Cimom.Mof.Writing;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Repository.Journal;

namespace CimCloud.Cimom.Persistence;

/// <summary>Turns a journaled change into the row that records it: classes, qualifiers and instances as MOF text.</summary>
internal static class ChangeEncoder
{
    public static StoredRow Encode(RepositoryChange change, long sequence)
    {
        var ns = change.Namespace;
        var nsKey = Fold(ns);
        return change switch
        {
            NamespaceCreated => new StoredRow(StoredObjectKind.Namespace, nsKey, string.Empty, ns, ns, string.Empty, sequence),
            NamespaceDeleted => new StoredRow(StoredObjectKind.Namespace, nsKey, string.Empty, ns, ns, null, sequence),
            QualifierSaved q => new StoredRow(StoredObjectKind.Qualifier, nsKey, Fold(q.Declaration.Name), ns, q.Declaration.Name,
                MofWriter.FormatQualifierDeclaration(q.Declaration), sequence),
            QualifierDeleted q => new StoredRow(StoredObjectKind.Qualifier, nsKey, Fold(q.Name), ns, q.Name, null, sequence),
            ClassSaved c => new StoredRow(StoredObjectKind.Class, nsKey, Fold(c.Class.Name), ns, c.Class.Name,
                MofWriter.FormatClass(c.Class, c.Schema), sequence),
            ClassDeleted c => new StoredRow(StoredObjectKind.Class, nsKey, Fold(c.Name), ns, c.Name, null, sequence),
            InstanceSaved i => InstanceRow(i, nsKey, sequence),
            InstanceDeleted d => new StoredRow(StoredObjectKind.Instance, nsKey, d.Path.CanonicalForm, ns, d.Path.ToString(), null, sequence),
            _ => throw new ArgumentException($"unknown repository change {change.GetType().Name}", nameof(change)),
        };
    }

    private static StoredRow InstanceRow(InstanceSaved saved, string nsKey, long sequence)
    {
        var path = InstanceKeys.PathOf(saved.Instance, saved.Namespace);
        return new StoredRow(StoredObjectKind.Instance, nsKey, path.CanonicalForm, saved.Namespace, path.ToString(),
            MofWriter.FormatInstance(saved.Instance), sequence);
    }

    public static string Fold(string name) => name.ToLower(CultureInfo.InvariantCulture);
}
