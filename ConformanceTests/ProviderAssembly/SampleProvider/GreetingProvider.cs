using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;

namespace CimCloud.SampleProvider;

/// <summary>Greetings in a few languages (computed, read-only) and a Greet method.</summary>
public sealed class GreetingProvider : IInstanceProvider, IMethodProvider
{
    private static readonly (string Language, string Text)[] Greetings = [("en", "Hello"), ("fr", "Bonjour"), ("de", "Hallo")];

    public ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var language = path.KeyBindings.Single().Value as string;
        var match = Greetings.FirstOrDefault(g => g.Language == language);
        return ValueTask.FromResult(match.Language is null ? null : Build(context, cimClass, match.Language, match.Text));
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (language, text) in Greetings)
            yield return Build(context, cimClass, language, text);
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "greetings are read-only");

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "greetings are read-only");

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "greetings are read-only");

    public async ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inParameters);
        var instance = await GetInstanceAsync(context, cimClass, target, cancellationToken).ConfigureAwait(false);
        var greeting = $"{instance?["Text"]}, {inParameters.GetValueOrDefault("Name")}!";
        return new CimMethodResult(0u, new Dictionary<string, object?> { ["Greeting"] = greeting });
    }

    private static CimInstance Build(ProviderContext context, CimClass cimClass, string language, string text)
    {
        var instance = new CimInstance(cimClass, context.NamespaceName)
        {
            ["Language"] = language,
            ["Text"] = text,
        };
        return instance.Freeze();
    }
}
