namespace CimCloud.Cimom.Providers.Composition;

/// <summary>A provider assembly could not be loaded or exposes no usable module; the message says which and why.</summary>
public sealed class ProviderAssemblyException : Exception
{
    public ProviderAssemblyException()
    {
    }

    public ProviderAssemblyException(string message)
        : base(message)
    {
    }

    public ProviderAssemblyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
