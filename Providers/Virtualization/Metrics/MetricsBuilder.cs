using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization.Model;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Metrics;

/// <summary>
/// CIM_BaseMetricDefinition per metric kind (affected by the metric service, defined for every VM) and a
/// volatile CIM_BaseMetricValue per VM with statistics (CIM_MetricInstance, CIM_MetricForME).
/// </summary>
internal static class MetricsBuilder
{
    public static void Build(BuildContext c)
    {
        foreach (var kind in MetricKind.All)
        {
            var definition = c.Paths.MetricDefinition(kind.Id);
            c.W.Add(MetricDefinition,
                ("Id", ObjectIds.MetricDefinition(kind.Id)), ("Name", kind.Name), ("ElementName", kind.Name), ("DataType", (ushort)13),
                ("Units", kind.Units), ("ProgrammaticUnits", kind.ProgrammaticUnits), ("ChangeType", kind.IsCounter ? (ushort)3 : (ushort)4),
                ("TimeScope", kind.IsCounter ? (ushort)4 : (ushort)2), ("GatheringType", (ushort)4), ("IsContinuous", true),
                ("Calculable", kind.IsCounter ? (ushort)2 : (ushort)3));
            c.W.Associate(ServiceAffectsElement, "AffectedElement", definition, "AffectingElement", c.MetricServicePath);
            foreach (var machine in c.Snapshot.Machines)
            {
                var vm = c.Paths.Machine(machine.Uuid);
                c.W.Associate(MetricDefForMe, "Antecedent", vm, "Dependent", definition);
                if (!c.Snapshot.Statistics.TryGetValue(machine.Uuid, out var statistics))
                    continue;
                var valueId = ObjectIds.MetricValue(machine.Uuid, kind.Id);
                c.W.Add(MetricValue,
                    ("InstanceID", valueId), ("MetricDefinitionId", ObjectIds.MetricDefinition(kind.Id)), ("MeasuredElementName", machine.Name),
                    ("TimeStamp", CimDateTime.FromDateTimeOffset(statistics.TakenAt)), ("MetricValue", kind.ValueOf(statistics)), ("Volatile", true),
                    ("ElementName", $"{kind.Name} of {machine.Name}"));
                var value = c.Paths.ByInstanceId(MetricValue, valueId);
                c.W.Associate(MetricInstance, "Antecedent", definition, "Dependent", value);
                c.W.Associate(MetricForMe, "Antecedent", vm, "Dependent", value);
            }
        }
    }
}
