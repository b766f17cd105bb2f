using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// What parsing one file produced: its own productions and diagnostics, and where each of its includes
/// goes. <see cref="MofParseSession"/> splices the included units in at those points.
/// </summary>
internal sealed class MofFileUnit
{
    public List<MofProduction> Productions { get; } = [];

    public MofDiagnosticBag Diagnostics { get; } = new();

    public List<Mark> Includes { get; } = [];

    /// <summary>Records an include at the current end of the production and diagnostic lists.</summary>
    public void AddInclude(MofIncludeJob job) => Includes.Add(new Mark(Productions.Count, Diagnostics.Items.Count, job));

    internal readonly record struct Mark(int ProductionIndex, int DiagnosticIndex, MofIncludeJob Job);
}
