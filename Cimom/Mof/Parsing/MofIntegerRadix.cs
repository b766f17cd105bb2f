namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>How an integer token is written (stored in <see cref="MofToken.Extra"/>).</summary>
internal enum MofIntegerRadix
{
    Decimal = 10,
    Octal = 8,
    Hex = 16,
    Binary = 2,
}
