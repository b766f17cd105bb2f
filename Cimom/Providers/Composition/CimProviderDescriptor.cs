namespace CimCloud.Cimom.Providers.Composition;

/// <summary>
/// One provider registration in a DI container: the class it serves in which namespace, and how to get
/// the provider object (implementing IInstanceProvider, IMethodProvider and/or IAssociationProvider) from
/// the built container.
/// </summary>
public sealed record CimProviderDescriptor(string Namespace, string ClassName, Func<IServiceProvider, object> Factory);
