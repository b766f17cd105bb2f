using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository.Journal;

/// <summary>A qualifier declaration was added or changed.</summary>
public sealed record QualifierSaved(string Namespace, CimQualifierDeclaration Declaration) : RepositoryChange(Namespace);
