namespace CimCloud.CimXmlEndpoint.Enumeration;

/// <summary>Which Pull operation continues an open enumeration.</summary>
internal enum PullKind
{
    /// <summary>OpenEnumerateInstances, OpenAssociatorInstances, OpenReferenceInstances: PullInstancesWithPath.</summary>
    InstancesWithPath,

    /// <summary>OpenEnumerateInstancePaths, OpenAssociatorInstancePaths, OpenReferenceInstancePaths: PullInstancePaths.</summary>
    InstancePaths,

    /// <summary>OpenQueryInstances: PullInstances.</summary>
    Instances,
}
