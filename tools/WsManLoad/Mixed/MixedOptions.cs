using System.CommandLine;
using System.Globalization;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>The command-line options of <c>--scenario mixed</c> and how they become <see cref="MixedSettings"/>.</summary>
internal sealed class MixedOptions
{
    private const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    public Option<int> Clients { get; } = new("--clients") { Description = "mixed: concurrent clients.", DefaultValueFactory = _ => 64 };

    public Option<string?> Url { get; } = new("--url") { Description = "mixed: an external endpoint, e.g. http://127.0.0.1:5985/wsman (default: an in-process server)." };

    public Option<string> User { get; } = new("--user") { Description = "mixed: NAME:PASSWORD for Basic authentication.", DefaultValueFactory = _ => MixedSettings.DefaultUser };

    public Option<string> Mix { get; } = new("--mix") { Description = "mixed: weights, e.g. get=50,enumerate=10,put=20,invoke=20.", DefaultValueFactory = _ => "get=50,enumerate=10,put=20,invoke=20" };

    public Option<string> GetUri { get; } = new("--get-uri") { Description = "mixed: ResourceURI (or class name) of the Get.", DefaultValueFactory = _ => MixedModel.ClassName };

    public Option<string[]> GetSelectors { get; } = new("--get-selector") { Description = "mixed: Name=Value selector of the Get (repeatable; default: a random Load_Vm)." };

    public Option<string> EnumUri { get; } = new("--enum-uri") { Description = "mixed: ResourceURI (or class name) of the Enumerate.", DefaultValueFactory = _ => MixedModel.ClassName };

    public Option<string[]> EnumSelectors { get; } = new("--enum-selector") { Description = "mixed: Name=Value selector of the Enumerate (repeatable; e.g. __cimnamespace=root/virt)." };

    public Option<string> PutUri { get; } = new("--put-uri") { Description = "mixed: ResourceURI (or class name) of the Put.", DefaultValueFactory = _ => MixedModel.ClassName };

    public Option<string[]> PutSelectors { get; } = new("--put-selector") { Description = "mixed: Name=Value selector of the Put (repeatable)." };

    public Option<string> PutProperty { get; } = new("--put-property") { Description = "mixed: NAME=VALUE the Put writes ({n}: a counter; {any:a,b}: one at random).", DefaultValueFactory = _ => MixedModel.PutProperty + "=changed by load {n}" };

    public Option<string> InvokeUri { get; } = new("--invoke-uri") { Description = "mixed: ResourceURI (or class name) of the Invoke.", DefaultValueFactory = _ => MixedModel.ClassName };

    public Option<string[]> InvokeSelectors { get; } = new("--invoke-selector") { Description = "mixed: Name=Value selector of the Invoke (repeatable)." };

    public Option<string> InvokeMethod { get; } = new("--invoke-method") { Description = "mixed: method name.", DefaultValueFactory = _ => MixedModel.Method };

    public Option<string> InvokeInput { get; } = new("--invoke-input") { Description = "mixed: input parameters as XML with prefix p ({n}, {any:a,b} allowed).", DefaultValueFactory = _ => "<p:RequestedState>{any:2,3}</p:RequestedState>" };

    public Option<string> OkReturns { get; } = new("--ok-returns") { Description = "mixed: Invoke ReturnValues that are success.", DefaultValueFactory = _ => "0,4096" };

    public Option<string> ExpectedReturns { get; } = new("--expected-returns") { Description = "mixed: documented error ReturnValues counted as expected errors.", DefaultValueFactory = _ => "1,2,3,4,5,6,4097,4098,4099" };

    public Option<int> Vms { get; } = new("--vms") { Description = "mixed: Load_Vm instances of the in-process model.", DefaultValueFactory = _ => 200 };

    public IEnumerable<Option> All =>
        [Clients, Url, User, Mix, GetUri, GetSelectors, EnumUri, EnumSelectors, PutUri, PutSelectors, PutProperty, InvokeUri, InvokeSelectors,
         InvokeMethod, InvokeInput, OkReturns, ExpectedReturns, Vms];

    /// <summary>The settings, or an error message for a bad value.</summary>
    public (MixedSettings? Settings, string? Error) Read(ParseResult parse, TimeSpan? duration, TimeSpan warmup, int maxElements, int maxEnvelopeSize)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            var url = parse.GetValue(Url);
            var user = parse.GetValue(User)!;
            if (user.IndexOf(':', StringComparison.Ordinal) <= 0)
                return (null, "--user must be NAME:PASSWORD");
            var put = parse.GetValue(PutProperty)!;
            var eq = put.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                return (null, "--put-property must be NAME=VALUE");
            var clients = parse.GetValue(Clients);
            if (clients is < 1 or > 4096)
                return (null, "--clients must be between 1 and 4096");
            var defaultGet = url is null ? [(MixedModel.KeyProperty, "vm-" + EnvelopeTemplate.Key)] : Array.Empty<(string, string)>();
            var settings = new MixedSettings
            {
                Clients = clients,
                Duration = duration ?? TimeSpan.FromSeconds(60),
                Warmup = warmup,
                Url = url is null ? null : new Uri(url, UriKind.Absolute),
                User = user,
                Weights = ParseMix(parse.GetValue(Mix)!),
                Get = Target(parse.GetValue(GetUri)!, parse.GetValue(GetSelectors), defaultGet),
                Enumerate = Target(parse.GetValue(EnumUri)!, parse.GetValue(EnumSelectors), []),
                Put = Target(parse.GetValue(PutUri)!, parse.GetValue(PutSelectors), [(MixedModel.KeyProperty, MixedModel.Key(1))]),
                PutProperty = put[..eq].Trim(),
                PutValue = put[(eq + 1)..],
                Invoke = Target(parse.GetValue(InvokeUri)!, parse.GetValue(InvokeSelectors), [(MixedModel.KeyProperty, MixedModel.Key(2))]),
                InvokeMethod = parse.GetValue(InvokeMethod)!,
                InvokeInput = parse.GetValue(InvokeInput)!,
                OkReturns = ParseNumbers(parse.GetValue(OkReturns)!),
                ExpectedReturns = ParseNumbers(parse.GetValue(ExpectedReturns)!),
                MaxElements = maxElements,
                MaxEnvelopeSize = maxEnvelopeSize,
                Vms = Math.Max(3, parse.GetValue(Vms)),
            };
            return (settings, null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or OverflowException)
        {
            return (null, e.Message);
        }
    }

    private static MixedTarget Target(string uriOrClass, string[]? selectors, IReadOnlyList<(string, string)> defaults)
    {
        var uri = uriOrClass.Contains("://", StringComparison.Ordinal) ? uriOrClass : ClassPrefix + uriOrClass;
        return new MixedTarget(uri, selectors is { Length: > 0 } ? MixedTarget.ParseSelectors(selectors) : defaults);
    }

    private static Dictionary<MixedOperation, int> ParseMix(string text)
    {
        var weights = Enum.GetValues<MixedOperation>().ToDictionary(o => o, _ => 0);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !Enum.TryParse<MixedOperation>(part[..eq], ignoreCase: true, out var operation)
                || !int.TryParse(part[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > 1000)
            {
                throw new FormatException($"--mix: '{part}' is not get|enumerate|put|invoke=WEIGHT (0–1000)");
            }

            weights[operation] = weight;
        }

        if (weights.Values.Sum() == 0)
            throw new FormatException("--mix gives every operation a weight of zero");
        return weights;
    }

    private static HashSet<uint> ParseNumbers(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => uint.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture))];
}
