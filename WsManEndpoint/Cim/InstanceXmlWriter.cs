using System.Xml;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Writes CIM instances as their DSP0230 elements and object paths as endpoint references (spec digest §6, §10.2).
/// Streams to an <see cref="XmlWriter"/>; per-class namespace strings and property order are cached.
/// </summary>
public static class InstanceXmlWriter
{
    /// <summary>
    /// Writes <c>&lt;p:Class xmlns:p="…/Class" xsi:type="p:Class_Type"&gt;</c> with one child per property in
    /// alphabetical order, honouring the instance's property-list projection and <paramref name="options"/>.
    /// </summary>
    public static void WriteInstance(XmlWriter writer, CimInstance instance, InstanceWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(instance);
        options ??= InstanceWriteOptions.Default;
        var render = options.RenderAs ?? instance.Class;
        if (!ReferenceEquals(render, instance.Class) && !instance.Class.IsSubclassOf(render.Name))
            throw new ArgumentException($"an instance of {instance.ClassName} cannot be rendered as {render.Name}, which is not one of its classes", nameof(options));
        CimValueXmlWriter.WriteInstance(writer, instance, render, options, depth: 0);
    }

    /// <summary>
    /// Declares the prefix of the instance's (rendered) class namespace on the element being written — call it right
    /// after opening the parent (<c>s:Body</c>, <c>wsman:Item</c>) — so that <see cref="WriteInstance"/> opens a bare
    /// <c>&lt;p:Class&gt;</c> tag. Clients that scan the response line by line (Dell's wsl) depend on that.
    /// </summary>
    public static void DeclareClassNamespace(XmlWriter writer, CimInstance instance, InstanceWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(instance);
        var render = options?.RenderAs ?? instance.Class;
        writer.WriteAttributeString("xmlns", WsCimXml.ClassPrefix(0), null, ClassXmlInfo.For(render).Namespace);
    }

    /// <summary>Writes a full <c>wsa:EndpointReference</c> element for an instance path.</summary>
    public static void WriteEndpointReference(XmlWriter writer, CimObjectPath path, InstanceWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(path);
        EndpointReferenceXmlWriter.WriteEndpointReference(writer, path, options ?? InstanceWriteOptions.Default);
    }

    /// <summary>
    /// Writes the children of an endpoint reference (<c>wsa:Address</c>, <c>wsa:ReferenceParameters</c>) into the
    /// current element: the content of a reference-typed property or parameter and of <c>wxf:ResourceCreated</c>.
    /// </summary>
    public static void WriteEndpointReferenceChildren(XmlWriter writer, CimObjectPath path, InstanceWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(path);
        EndpointReferenceXmlWriter.WriteChildren(writer, path, options ?? InstanceWriteOptions.Default);
    }
}
