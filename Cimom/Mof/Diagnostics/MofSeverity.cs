namespace CimCloud.Cimom.Mof.Diagnostics;

public enum MofSeverity
{
    Warning,
    Error,
}
