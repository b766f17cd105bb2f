namespace CimCloud.Cimom.Providers;

/// <summary>
/// One provider serving one class (and its subclasses, unless they have their own) in one namespace.
/// <see cref="Provider"/> implements <see cref="IInstanceProvider"/>, <see cref="IMethodProvider"/> and/or
/// <see cref="IAssociationProvider"/>; it is registered for each it implements. Meant to be added to a
/// DI container (<c>services.AddSingleton(new ProviderRegistration(...))</c>) and injected as a sequence.
/// </summary>
public sealed record ProviderRegistration(string Namespace, string ClassName, object Provider);
