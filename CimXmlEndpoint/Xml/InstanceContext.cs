using CimCloud.Cimom.Model;

namespace CimCloud.CimXmlEndpoint.Xml;

/// <summary>What decoding an INSTANCE needs: its namespace, the classes there, and how deep embedded objects nest.</summary>
internal sealed record InstanceContext(string Namespace, Func<string, CimClass?> FindClass, int EmbeddingDepth = 0);
