namespace CimCloud.Cimom.Model;

/// <summary>Where a qualifier may be used (the Scope(...) of a qualifier declaration).</summary>
[Flags]
public enum CimScope
{
    None = 0,
    Class = 1,
    Association = 2,
    Indication = 4,
    Property = 8,
    Reference = 16,
    Method = 32,
    Parameter = 64,
    Qualifier = 128,
    Any = Class | Association | Indication | Property | Reference | Method | Parameter | Qualifier,
}
