using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Repository.Journal;

/// <summary>The journal entries that turn one schema snapshot into the next (snapshots share unchanged objects).</summary>
internal static class SchemaChanges
{
    /// <summary>
    /// Removed classes (subclasses first), removed and changed qualifiers, then added or changed classes in
    /// definition order (superclasses first), so replaying the list in order is valid.
    /// </summary>
    public static List<RepositoryChange> Between(string @namespace, CimSchema before, CimSchema after)
    {
        var changes = new List<RepositoryChange>();
        for (var i = before.Classes.Count - 1; i >= 0; i--)
        {
            var c = before.Classes[i];
            if (after.FindClass(c.Name) is null)
                changes.Add(new ClassDeleted(@namespace, c.Name));
        }

        foreach (var q in after.Qualifiers)
        {
            if (!ReferenceEquals(before.FindQualifier(q.Name), q))
                changes.Add(new QualifierSaved(@namespace, q));
        }

        foreach (var c in after.Classes)
        {
            if (!ReferenceEquals(before.FindClass(c.Name), c))
                changes.Add(new ClassSaved(@namespace, c, after));
        }

        foreach (var q in before.Qualifiers)
        {
            if (after.FindQualifier(q.Name) is null)
                changes.Add(new QualifierDeleted(@namespace, q.Name));
        }

        return changes;
    }
}
