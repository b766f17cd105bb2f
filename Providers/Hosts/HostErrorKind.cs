namespace CimCloud.Providers.Hosts;

/// <summary>Why a host call failed; the providers map each to a CIM status or a method return code.</summary>
public enum HostErrorKind
{
    Failed,
    NotFound,
    AlreadyExists,
    InvalidArgument,
    InvalidState,
    InsufficientResources,
    InUse,
    NotSupported,
}
