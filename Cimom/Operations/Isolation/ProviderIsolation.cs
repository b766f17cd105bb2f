using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Operations.Isolation;

/// <summary>
/// Registers providers behind isolation: each provider interface a registration implements is wrapped on
/// its own (so the registry still sees exactly the kinds the provider has) and registered for the class.
/// </summary>
public static class ProviderIsolation
{
    public static void RegisterIsolated(this ProviderRegistry registry, ProviderRegistration registration, ProviderIsolationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(registration);
        var provider = registration.Provider;
        var guard = new ProviderGuard(provider.GetType().Name, (options ?? new ProviderIsolationOptions()).Timeout);
        var any = false;
        if (provider is IInstanceProvider instance)
        {
            registry.RegisterInstanceProvider(registration.Namespace, registration.ClassName, new IsolatedInstanceProvider(instance, guard));
            any = true;
        }

        if (provider is IMethodProvider method)
        {
            registry.RegisterMethodProvider(registration.Namespace, registration.ClassName, new IsolatedMethodProvider(method, guard));
            any = true;
        }

        if (provider is IAssociationProvider association)
        {
            registry.RegisterAssociationProvider(registration.Namespace, registration.ClassName, new IsolatedAssociationProvider(association, guard));
            any = true;
        }

        if (!any)
        {
            throw new ArgumentException(
                $"{provider.GetType().Name} implements none of IInstanceProvider, IMethodProvider, IAssociationProvider", nameof(registration));
        }
    }
}
