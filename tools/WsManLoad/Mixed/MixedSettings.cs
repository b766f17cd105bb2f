namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>
/// What the mixed scenario runs: clients, duration, the weighted mix and the targets. With no <see cref="Url"/> the
/// tool starts its own server over <see cref="MixedModel"/> and these targets default to its <c>Load_Vm</c> class.
/// </summary>
internal sealed record MixedSettings
{
    public const string DefaultUser = "load:load-secret";

    public int Clients { get; init; } = 64;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>External endpoint (e.g. <c>http://127.0.0.1:5985/wsman</c>); null: an in-process server.</summary>
    public Uri? Url { get; init; }

    /// <summary>NAME:PASSWORD for Basic authentication.</summary>
    public string User { get; init; } = DefaultUser;

    /// <summary>Relative weights of each operation kind (zero leaves it out).</summary>
    public IReadOnlyDictionary<MixedOperation, int> Weights { get; init; } = new Dictionary<MixedOperation, int>
    {
        [MixedOperation.Get] = 50,
        [MixedOperation.Enumerate] = 10,
        [MixedOperation.Put] = 20,
        [MixedOperation.Invoke] = 20,
    };

    public required MixedTarget Get { get; init; }

    public required MixedTarget Enumerate { get; init; }

    public required MixedTarget Put { get; init; }

    public required MixedTarget Invoke { get; init; }

    /// <summary>Property the Put changes (the instance is read once with a Get of the Put target).</summary>
    public string PutProperty { get; init; } = MixedModel.PutProperty;

    /// <summary>The value the Put writes; see <see cref="TextPattern"/> for <c>{n}</c> and <c>{any:a,b}</c>.</summary>
    public string PutValue { get; init; } = "changed by load {n}";

    public string InvokeMethod { get; init; } = MixedModel.Method;

    /// <summary>The XML inside <c>p:Method_INPUT</c> (prefix <c>p</c> is the ResourceURI); see <see cref="TextPattern"/>.</summary>
    public string InvokeInput { get; init; } = "<p:RequestedState>{any:2,3}</p:RequestedState>";

    /// <summary>ReturnValues that are success (e.g. 0 Completed, 4096 Job Started).</summary>
    public IReadOnlySet<uint> OkReturns { get; init; } = new HashSet<uint> { 0, 4096 };

    /// <summary>Documented error ReturnValues counted as expected errors (anything else is unexpected).</summary>
    public IReadOnlySet<uint> ExpectedReturns { get; init; } = new HashSet<uint> { 1, 2, 3, 4, 5, 6, 4097, 4098, 4099 };

    /// <summary>MaxElements of the Enumerate and of every Pull.</summary>
    public int MaxElements { get; init; } = 100;

    public int MaxEnvelopeSize { get; init; } = 153_600;

    /// <summary>Load_Vm instances of the in-process model.</summary>
    public int Vms { get; init; } = 200;

    public TimeSpan Budget => Duration + Warmup + TimeSpan.FromSeconds(120);
}
