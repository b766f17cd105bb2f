namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>wsmb:PolymorphismMode (DSP0227; spec digest §8.5).</summary>
internal enum PolymorphismMode
{
    /// <summary>Subclass instances as their own class, with all their properties (the default).</summary>
    IncludeSubClassProperties,

    /// <summary>Subclass instances rendered as the requested class, with its properties only.</summary>
    ExcludeSubClassProperties,

    /// <summary>Only instances of exactly the requested class.</summary>
    None,
}
