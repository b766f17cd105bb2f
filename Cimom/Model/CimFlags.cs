namespace CimCloud.Cimom.Model;

/// <summary>Fast-path facts about a class element, derived once from its effective qualifiers.</summary>
[Flags]
public enum CimFlags
{
    None = 0,
    Key = 1,
    Required = 2,
    Static = 4,
    In = 8,
    Out = 16,
    /// <summary>The element is inherited unchanged from a superclass (not declared in this class).</summary>
    Propagated = 32,
    /// <summary>The element overrides one of the same name in a superclass.</summary>
    Override = 64,
}
