using System.Xml.Linq;
using CimCloud.Cimom.Model;

namespace CimCloud.CimXmlEndpoint.Xml;

/// <summary>One parsed SIMPLEREQ: an intrinsic call (IMETHODCALL) or an extrinsic one (METHODCALL with its target).</summary>
/// <param name="Parameters">The IPARAMVALUE/PARAMVALUE elements in order (name, element).</param>
internal sealed record CimXmlRequest(
    string MessageId,
    string ProtocolVersion,
    bool IsIntrinsic,
    string MethodName,
    string Namespace,
    CimObjectPath? Target,
    IReadOnlyList<XElement> Parameters);
