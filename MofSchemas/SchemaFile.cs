namespace CimCloud.MofSchemas;

/// <summary>One embedded MOF file: the name diagnostics point at, and its text.</summary>
public sealed record SchemaFile(string Name, string Text);
