using System.Text;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Persistence;

/// <summary>
/// Loads the stored changes back into a repository that already holds the start-up MOF, row by row in sequence order.
/// A stored row is the client's latest word on its object and wins: a saved class or qualifier replaces the
/// definition of the same name, a saved instance replaces the one at its path, a tombstone removes the object
/// when it is there (and is a no-op when it is not). Runs before the journal is attached, so nothing is re-journaled.
/// Consecutive instance rows of one namespace are applied together: deletions first, then the saved ones compiled as one MOF unit.
/// </summary>
internal sealed class StoreReplayer(CimRepository repository, string source)
{
    private int _namespaces;
    private int _qualifiers;
    private int _classes;
    private int _instances;
    private int _deletions;
    private HashSet<string> _startupInstances = [];

    public StoreReplayResult Replay(IReadOnlyList<StoredRow> rows)
    {
        _startupInstances = StartupInstancePaths();
        var i = 0;
        while (i < rows.Count)
        {
            var row = rows[i];
            if (row.Kind == StoredObjectKind.Instance)
            {
                // A run of instance rows of one namespace: each names a different instance, so they commute. Apply the
                // deletions, then compile the saved ones as one unit.
                var end = i + 1;
                while (end < rows.Count && rows[end] is { Kind: StoredObjectKind.Instance } next
                       && string.Equals(next.NamespaceKey, row.NamespaceKey, StringComparison.Ordinal))
                {
                    end++;
                }

                var run = rows.Skip(i).Take(end - i).ToList();
                foreach (var deleted in run.Where(r => r.IsDeleted))
                    Guard(deleted, () => Apply(deleted));
                var saved = run.Where(r => !r.IsDeleted).ToList();
                if (saved.Count > 0)
                    Guard(saved[0], () => SaveInstances(saved));
                i = end;
                continue;
            }

            Guard(row, () => Apply(row));
            i++;
        }

        return new StoreReplayResult(_namespaces, _qualifiers, _classes, _instances, _deletions);
    }

    private void Apply(StoredRow row)
    {
        if (row.IsDeleted)
        {
            _deletions++;
            Delete(row);
            return;
        }

        switch (row.Kind)
        {
            case StoredObjectKind.Namespace:
                repository.GetOrCreateNamespace(row.Namespace);
                _namespaces++;
                break;
            case StoredObjectKind.Qualifier:
                SaveQualifier(row);
                _qualifiers++;
                break;
            case StoredObjectKind.Class:
                SaveClass(row);
                _classes++;
                break;
        }
    }

    private void Delete(StoredRow row)
    {
        var ns = repository.FindNamespace(row.Namespace);
        if (ns is null)
            return;
        switch (row.Kind)
        {
            case StoredObjectKind.Namespace:
                repository.DeleteNamespace(ns.Name);
                break;
            case StoredObjectKind.Qualifier when ns.Schema.FindQualifier(row.Name) is not null:
                ns.UpdateSchema(schema =>
                {
                    var builder = new CimSchemaBuilder(schema);
                    builder.RemoveQualifier(row.Name, out var error);
                    ThrowIf(error);
                    return builder.Build();
                });
                break;
            case StoredObjectKind.Class when ns.Schema.FindClass(row.Name) is not null:
                ns.UpdateSchema(schema =>
                {
                    var builder = new CimSchemaBuilder(schema);
                    builder.RemoveClass(row.Name, out var error);
                    ThrowIf(error);
                    return builder.Build();
                });
                break;
            case StoredObjectKind.Instance:
                RemoveStartupInstance(ns, row);
                break;
        }
    }

    private void SaveQualifier(StoredRow row)
    {
        var declaration = MofDeclarationReader.ReadQualifier(row.Mof!, Source(row), out var errors)
            ?? throw new CimException(CimStatusCode.Failed, errors);
        repository.GetOrCreateNamespace(row.Namespace).UpdateSchema(schema =>
        {
            var builder = new CimSchemaBuilder(schema);
            var problems = builder.SetQualifier(declaration).Where(d => !d.IsWarning).ToList();
            if (problems.Count > 0)
                throw new CimException(problems[0].Code, problems[0].Message);
            return builder.Build();
        });
    }

    private void SaveClass(StoredRow row)
    {
        repository.GetOrCreateNamespace(row.Namespace).UpdateSchema(schema =>
        {
            var builder = new CimSchemaBuilder(schema);
            if (builder.FindClass(row.Name) is not null)
            {
                builder.RemoveClass(row.Name, out var error);
                ThrowIf(error);
            }

            _ = MofDeclarationReader.AddClass(row.Mof!, Source(row), builder, out var errors) ?? throw new CimException(CimStatusCode.Failed, errors);
            return builder.Build();
        });
    }

    private void SaveInstances(List<StoredRow> rows)
    {
        var ns = repository.GetOrCreateNamespace(rows[0].Namespace);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            RemoveStartupInstance(ns, row);
            text.Append(row.Mof).Append('\n');
        }

        var compiler = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = ns.Name });
        var result = compiler.CompileText(text.ToString(), Source(rows[0]));
        if (!result.Success)
            throw new CimException(CimStatusCode.Failed, string.Join("; ", result.Errors.Take(5).Select(d => d.ToString())));
        _instances += rows.Count;
    }

    /// <summary>
    /// Canonical paths of the instances the start-up MOF stored. Only those can be in the way of a row: every row names
    /// a different instance, and an instance a client created and deleted left only a tombstone.
    /// </summary>
    private HashSet<string> StartupInstancePaths()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in repository.NamespaceNames)
        {
            var ns = repository.GetNamespace(name);
            foreach (var cimClass in ns.Schema.Classes)
            {
                foreach (var instance in ns.EnumerateInstances(cimClass.Name))
                    paths.Add(InstanceKeys.PathOf(instance, ns.Name).CanonicalForm);
            }
        }

        return paths;
    }

    /// <summary>Removes the start-up MOF's instance at the row's path, if there is one (no path parsing otherwise).</summary>
    private void RemoveStartupInstance(CimNamespace ns, StoredRow row)
    {
        if (!_startupInstances.Remove(row.ObjectKey))
            return;
        var path = CimObjectPath.Parse(row.Name);
        if (ns.Schema.FindClass(path.ClassName) is not { } cimClass)
            return;
        ns.RemoveInstance(InstancePathNormalizer.Normalize(cimClass, path.WithNamespace(ns.Name), ns.Name, ns.Schema));
    }

    private void Guard(StoredRow row, Action action)
    {
        try
        {
            action();
        }
        catch (CimException e)
        {
            var what = row.Kind == StoredObjectKind.Namespace ? $"namespace {row.Namespace}" : $"{row.Kind.ToString().ToLowerInvariant()} {row.Name} in namespace {row.Namespace}";
            throw new RepositoryStoreException(
                $"{source}: stored change #{row.Sequence} ({(row.IsDeleted ? "deletion of" : "definition of")} {what}) cannot be replayed: {e.Message}. "
                + "Did the --mof files change since it was made? Start with the MOF it was made against, or undo the change there.", e);
        }
    }

    private string Source(StoredRow row) => $"{source}#{row.Sequence}";

    private static void ThrowIf(SchemaDiagnostic? error)
    {
        if (error is not null)
            throw error.ToException();
    }
}
