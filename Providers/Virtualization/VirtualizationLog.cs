using CimCloud.Providers.Hosts;
using Microsoft.Extensions.Logging;

namespace CimCloud.Providers.Virtualization;

/// <summary>Log messages of the virtualization providers.</summary>
internal static partial class VirtualizationLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "{Method}: invalid parameter: {Reason}")]
    public static partial void InvalidParameter(this ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "{Method}: the host refused ({Kind}): {Reason}")]
    public static partial void HostRefused(this ILogger logger, string method, HostErrorKind kind, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "{Method} failed in the host")]
    public static partial void HostCallFailed(this ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "RequestStateChange({Requested}) refused for {Machine} in state {Current}")]
    public static partial void TransitionRefused(this ILogger logger, ushort requested, string machine, MachineRunState current);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "CreateResourceInPool: {Bytes} bytes do not fit in pool {Pool} ({Free} free)")]
    public static partial void PoolFull(this ILogger logger, ulong bytes, string pool, ulong free);
}
