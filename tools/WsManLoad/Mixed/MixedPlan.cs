namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>Everything a worker needs: the endpoint, the rendered templates, the patterns and the weighted choice.</summary>
internal sealed class MixedPlan
{
    private readonly MixedOperation[] _wheel;

    public MixedPlan(MixedSettings settings, Uri endpoint, string putInstanceXml, int keyCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Endpoint = endpoint;
        KeyCount = Math.Max(1, keyCount);
        Get = MixedEnvelopes.Get(endpoint, settings.Get, settings.MaxEnvelopeSize);
        Put = MixedEnvelopes.Put(endpoint, settings.Put, settings.MaxEnvelopeSize, putInstanceXml);
        Invoke = MixedEnvelopes.Invoke(endpoint, settings.Invoke, settings.MaxEnvelopeSize, settings.InvokeMethod);
        Enumerate = MixedEnvelopes.Enumerate(endpoint, settings.Enumerate, settings.MaxEnvelopeSize, settings.MaxElements);
        Pull = MixedEnvelopes.Pull(endpoint, settings.Enumerate, settings.MaxEnvelopeSize, settings.MaxElements);
        PutValue = new TextPattern(settings.PutValue);
        InvokeInput = new TextPattern(settings.InvokeInput);
        _wheel = [.. settings.Weights.Where(w => w.Value > 0).SelectMany(w => Enumerable.Repeat(w.Key, w.Value))];
        if (_wheel.Length == 0)
            throw new ArgumentException("the mix gives every operation a weight of zero");
    }

    public MixedSettings Settings { get; }

    public Uri Endpoint { get; }

    /// <summary>Selector values holding <see cref="EnvelopeTemplate.Key"/> get a random index below this.</summary>
    public int KeyCount { get; }

    public EnvelopeTemplate Get { get; }

    public EnvelopeTemplate Put { get; }

    public EnvelopeTemplate Invoke { get; }

    public EnvelopeTemplate Enumerate { get; }

    public EnvelopeTemplate Pull { get; }

    public TextPattern PutValue { get; }

    public TextPattern InvokeInput { get; }

    public MixedOperation Pick(Random random) => _wheel[random.Next(_wheel.Length)];
}
