using CimCloud.Providers.Hosts;

namespace CimCloud.Providers.Virtualization;

/// <summary>
/// Method return codes. VSMS methods (DSP1042): 0 OK, 1 Not Supported, 2 Failed, 4 Invalid Parameter,
/// 4096 Job Started, and our vendor value 32778 Insufficient Resources (a pool cannot satisfy the request;
/// the number Hyper-V uses for "out of memory"). RequestStateChange: 0, 1, 2, 5 Invalid Parameter,
/// 4096, 4097 Invalid State Transition, 4098 Use of Timeout Parameter Not Supported. The pool configuration
/// service's CreateResourceInPool/DeleteResourceInPool (value maps in cimcloud_virtualization.mof): 2 Failed,
/// 4 Invalid Parameter, 5 Insufficient Resources, 6 In Use.
/// </summary>
public static class ReturnCodes
{
    public const uint Completed = 0;
    public const uint NotSupported = 1;
    public const uint Failed = 2;
    public const uint InvalidParameter = 4;
    public const uint JobStarted = 4096;
    public const uint InsufficientResources = 32778;

    public const uint StateChangeFailed = 4;
    public const uint StateChangeInUse = 6;
    public const uint StateChangeInvalidParameter = 5;
    public const uint InvalidStateTransition = 4097;
    public const uint TimeoutNotSupported = 4098;

    public const uint PoolFailed = 2;
    public const uint PoolInvalidParameter = 4;
    public const uint PoolInsufficientResources = 5;
    public const uint PoolInUse = 6;

    /// <summary>The VSMS return code of a host failure.</summary>
    public static uint ForManagement(HostErrorKind kind) => kind switch
    {
        HostErrorKind.InvalidArgument or HostErrorKind.AlreadyExists or HostErrorKind.NotFound => InvalidParameter,
        HostErrorKind.InsufficientResources => InsufficientResources,
        HostErrorKind.NotSupported => NotSupported,
        _ => Failed,
    };

    /// <summary>The pool configuration service return code of a host failure.</summary>
    public static uint ForPoolConfiguration(HostErrorKind kind) => kind switch
    {
        HostErrorKind.InvalidArgument or HostErrorKind.AlreadyExists or HostErrorKind.NotFound => PoolInvalidParameter,
        HostErrorKind.InsufficientResources => PoolInsufficientResources,
        HostErrorKind.InUse => PoolInUse,
        HostErrorKind.NotSupported => NotSupported,
        _ => PoolFailed,
    };
}
