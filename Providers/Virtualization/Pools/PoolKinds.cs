namespace CimCloud.Providers.Virtualization.Pools;

/// <summary>RASD/pool ResourceType values (CIM value map) and the AllocationUnits we emit.</summary>
internal static class PoolKinds
{
    public const ushort Processor = 3;
    public const ushort Memory = 4;
    public const ushort EthernetAdapter = 10;
    public const ushort CdDrive = 15;
    public const ushort DvdDrive = 16;
    public const ushort DiskDrive = 17;
    public const ushort StorageExtent = 19;
    public const ushort LogicalDisk = 31;
    public const ushort StorageVolume = 32;
    public const ushort EthernetConnection = 33;

    public const string CountUnits = "count";
    public const string MebibyteUnits = "byte*2^20";
    public const string ByteUnits = "byte";

    public static bool IsDisk(ushort resourceType) =>
        resourceType is DiskDrive or StorageExtent or LogicalDisk or StorageVolume or CdDrive or DvdDrive;

    public static bool IsNic(ushort resourceType) => resourceType is EthernetAdapter or EthernetConnection;
}
