namespace CimCloud.Providers.Virtualization.Settings;

/// <summary>An embedded VSSD/RASD a method cannot use; the method answers Invalid Parameter with this message.</summary>
public sealed class InvalidSettingsException : Exception
{
    public InvalidSettingsException()
    {
    }

    public InvalidSettingsException(string message)
        : base(message)
    {
    }

    public InvalidSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
