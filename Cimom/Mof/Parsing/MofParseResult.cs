using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// The productions of one compilation unit (includes expanded in place) and every diagnostic, in the
/// order they were found.
/// </summary>
public sealed record MofParseResult(IReadOnlyList<MofProduction> Productions, IReadOnlyList<MofDiagnostic> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError)
                    return true;
            }

            return false;
        }
    }
}
