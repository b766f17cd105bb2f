using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>How <see cref="InstanceXmlWriter"/> renders instances, references and values.</summary>
public sealed record InstanceWriteOptions
{
    /// <summary>Policy default for <see cref="DefaultNamespace"/> (spec digest §8.3).</summary>
    public const string StandardNamespace = "root/cimv2";

    public static InstanceWriteOptions Default { get; } = new();

    /// <summary>
    /// A base class to render the (top-level) instance as: element name, namespace and xsi:type of that class and
    /// only its properties (DSP0227 <c>ExcludeSubClassProperties</c>). Null renders the instance's own class.
    /// </summary>
    public CimClass? RenderAs { get; init; }

    /// <summary>
    /// The class the request's resource URI (or query) names. A top-level instance rendered as exactly that class
    /// carries no <c>xsi:type</c>: the attribute marks polymorphic results (spec digest §10.2), and line-oriented
    /// clients such as Dell's wsl look for a bare <c>&lt;p:Class&gt;</c> start tag. Null: always write it.
    /// </summary>
    public string? ResourceClassName { get; init; }

    /// <summary>Write NULL scalars as <c>xsi:nil="true"</c> (default); false omits them (owsman <c>ExcludeNilProperties</c>).</summary>
    public bool IncludeNil { get; init; } = true;

    /// <summary>The <c>__cimnamespace</c> selector written for object paths that carry no namespace.</summary>
    public string DefaultNamespace { get; init; } = StandardNamespace;

    /// <summary>The <c>wsa:Address</c> of endpoint references (the anonymous role, as WinRM and owsman send).</summary>
    public string Address { get; init; } = WsManNamespaces.AnonymousAddress;
}
