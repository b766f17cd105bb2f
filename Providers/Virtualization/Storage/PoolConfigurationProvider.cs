using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Management;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Settings;
using Microsoft.Extensions.Logging;

namespace CimCloud.Providers.Virtualization.Storage;

/// <summary>
/// CIMCLOUD_ResourcePoolConfigurationService.CreateResourceInPool / DeleteResourceInPool: create a volume
/// in a disk pool from a RASD template (ElementName = volume name, VirtualQuantity in AllocationUnits,
/// default bytes) and delete it. Codes: 4 Invalid Parameter, 5 Insufficient Resources (the pool has no
/// room), 6 In Use (a machine's disk uses the volume), 2 Failed; an unknown pool or volume is CIM_ERR_NOT_FOUND.
/// </summary>
internal sealed class PoolConfigurationProvider(HostSnapshotCache cache, JobRunner runner, VirtualizationOptions options,
    ILogger<PoolConfigurationProvider> logger) : IMethodProvider
{
    private const ushort EffectCreate = 5;
    private readonly ModelPaths _paths = new(options.Namespace);

    public async ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        try
        {
            return method.Name.ToUpperInvariant() switch
            {
                "CREATERESOURCEINPOOL" => await CreateAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                "DELETERESOURCEINPOOL" => await DeleteAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                _ => new CimMethodResult(ReturnCodes.NotSupported),
            };
        }
        catch (InvalidSettingsException e)
        {
            logger.InvalidParameter(method.Name, e.Message);
            return new CimMethodResult(ReturnCodes.PoolInvalidParameter);
        }
    }

    private async ValueTask<CimMethodResult> CreateAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var pool = await PoolAsync(p, ct).ConfigureAwait(false);
        var settings = MethodParameters.RequiredInstance(p, "Settings", "an embedded CIM_ResourceAllocationSettingData template of the volume");
        var name = SettingValues.String(settings, "ElementName")
            ?? throw new InvalidSettingsException("Settings has no ElementName (the volume's name)");
        if (name.Length > 128 || name.Any(c => char.IsControl(c) || c is '/' or '\\') || name is "." or "..")
            throw new InvalidSettingsException($"'{name}' is not a usable volume name");
        var quantity = SettingValues.Unsigned(settings, "VirtualQuantity") ?? SettingValues.Unsigned(settings, "Reservation")
            ?? throw new InvalidSettingsException("Settings has no VirtualQuantity (the volume's size)");
        var units = SettingValues.QuantityUnits(settings);
        var bytes = AllocationUnits.ToBytes(quantity, units, 1);
        if (bytes == 0)
            throw new InvalidSettingsException("the volume's size is 0");
        if (bytes > pool.AvailableBytes)
        {
            logger.PoolFull(bytes, pool.Name, pool.AvailableBytes);
            return new CimMethodResult(ReturnCodes.PoolInsufficientResources);
        }

        var snapshot = await cache.GetSnapshotAsync(ct).ConfigureAwait(false);
        return await runner.RunAsync("CreateResourceInPool", target, async token =>
        {
            var volume = await cache.Host.CreateVolumeAsync(pool.Name, name, bytes, token).ConfigureAwait(false);
            var path = _paths.Volume(snapshot.Host.Name, volume.Pool, volume.Name);
            return MethodOutcome.Success(("Resource", path)).WithAffected(path, EffectCreate);
        }, ct, ReturnCodes.ForPoolConfiguration).ConfigureAwait(false);
    }

    private async ValueTask<CimMethodResult> DeleteAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var resource = MethodParameters.Reference(p, "Resource") ?? throw new InvalidSettingsException("Resource (the volume to delete) is missing");
        if (!ObjectIds.TryParseVolume(ModelPaths.KeyOf(resource, "DeviceID"), out var poolName, out var volumeName))
            throw new InvalidSettingsException($"{resource} is not a storage volume of this host");
        if (MethodParameters.Reference(p, "Pool") is { } poolPath
            && (!ObjectIds.TryParseDiskPool(ModelPaths.KeyOf(poolPath, "InstanceID"), out var named) || named != poolName))
        {
            throw new InvalidSettingsException($"volume {volumeName} is not in pool {ModelPaths.KeyOf(poolPath, "InstanceID")}");
        }

        cache.Invalidate();
        var snapshot = await cache.GetSnapshotAsync(ct).ConfigureAwait(false);
        if (!snapshot.Volumes.TryGetValue(poolName, out var volumes) || !volumes.Any(v => v.Name == volumeName))
            throw new CimException(CimStatusCode.NotFound, $"no volume {volumeName} in storage pool {poolName}");
        return await runner.RunAsync("DeleteResourceInPool", target, async token =>
        {
            await cache.Host.DeleteVolumeAsync(poolName, volumeName, token).ConfigureAwait(false);
            return MethodOutcome.Success();
        }, ct, ReturnCodes.ForPoolConfiguration).ConfigureAwait(false);
    }

    private async ValueTask<StoragePoolInfo> PoolAsync(IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var path = MethodParameters.Reference(p, "Pool") ?? throw new InvalidSettingsException("Pool (the disk pool) is missing");
        var id = ModelPaths.KeyOf(path, "InstanceID");
        if (!ObjectIds.TryParseDiskPool(id, out var name))
            throw new InvalidSettingsException($"{path} is not a disk pool (volumes are created in DiskPool/<name>)");
        cache.Invalidate();
        var snapshot = await cache.GetSnapshotAsync(ct).ConfigureAwait(false);
        return snapshot.StoragePools.FirstOrDefault(x => x.Name == name)
            ?? throw new CimException(CimStatusCode.NotFound, $"no storage pool {name} on this host");
    }
}
