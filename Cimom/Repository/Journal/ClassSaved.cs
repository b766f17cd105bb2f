using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Repository.Journal;

/// <summary>A class was added or redefined; <paramref name="Schema"/> is the schema it belongs to (for writing its MOF).</summary>
public sealed record ClassSaved(string Namespace, CimClass Class, CimSchema Schema) : RepositoryChange(Namespace);
