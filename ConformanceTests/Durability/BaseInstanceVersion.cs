using System.Globalization;
using System.Security;
using CimCloud.ConformanceTests.WsMan;

namespace CimCloud.ConformanceTests.Durability;

/// <summary>
/// One write of a CCT_Base instance by the crash workload: client <see cref="Client"/>'s write number <see cref="Number"/>.
/// The write sets three properties that agree with each other (ElementName, EnabledState, Tags), so an instance read back
/// whose properties disagree was half-written or mixed from two writes.
/// </summary>
internal sealed record BaseInstanceVersion(int Client, int Number)
{
    public string Name => $"c{Client}-n{Number}";

    public ushort State => (ushort)(Number % 60000);

    public string Body(string instanceId) =>
        $"<p:CCT_Base xmlns:p=\"{SoapXml.ClassUriPrefix}CCT_Base\">"
        + $"<p:InstanceID>{SecurityElement.Escape(instanceId)}</p:InstanceID>"
        + $"<p:ElementName>{Name}</p:ElementName>"
        + $"<p:EnabledState>{State.ToString(CultureInfo.InvariantCulture)}</p:EnabledState>"
        + $"<p:Tags>{Name}</p:Tags><p:Tags>tag-{Name}</p:Tags>"
        + "</p:CCT_Base>";

    /// <summary>The version an instance read back carries, or null with <paramref name="problem"/> when its properties do not agree.</summary>
    public static BaseInstanceVersion? Read(CimInstanceXml instance, out string? problem)
    {
        problem = null;
        var name = instance["ElementName"] ?? string.Empty;
        var parts = name.Split('-', 2);
        if (parts.Length != 2 || !parts[0].StartsWith('c') || !parts[1].StartsWith('n')
            || !int.TryParse(parts[0][1..], CultureInfo.InvariantCulture, out var client) || !int.TryParse(parts[1][1..], CultureInfo.InvariantCulture, out var number))
        {
            problem = $"ElementName '{name}' is not a version the workload wrote";
            return null;
        }

        var version = new BaseInstanceVersion(client, number);
        var tags = instance.Values("Tags");
        var state = instance["EnabledState"];
        if (tags.Count != 2 || tags[0] != version.Name || tags[1] != "tag-" + version.Name
            || state != version.State.ToString(CultureInfo.InvariantCulture))
        {
            problem = $"properties mix writes: ElementName={name}, EnabledState={state}, Tags=[{string.Join(", ", tags)}]";
            return null;
        }

        return version;
    }
}
