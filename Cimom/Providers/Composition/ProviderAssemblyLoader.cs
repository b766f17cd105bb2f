using System.Reflection;
using System.Runtime.Loader;

namespace CimCloud.Cimom.Providers.Composition;

/// <summary>
/// Loads third-party provider assemblies (<c>--provider-assembly PATH</c>) without rebuilding the server:
/// each in its own load context that resolves the assembly's private dependencies from its folder (its
/// .deps.json) and shares every assembly the server already has (CimCloud.Cimom, DI abstractions), so the
/// module's types are the server's types.
/// </summary>
public static class ProviderAssemblyLoader
{
    /// <summary>
    /// The <see cref="ICimProviderModule"/>s of the assembly at <paramref name="path"/>, one instance per
    /// public non-abstract module type. A missing file, a bad image, no module or a module that cannot be
    /// constructed is a <see cref="ProviderAssemblyException"/> with a message naming the path.
    /// </summary>
    public static IReadOnlyList<ICimProviderModule> LoadModules(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new ProviderAssemblyException($"provider assembly {path} does not exist");
        Assembly assembly;
        try
        {
            assembly = new ProviderLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            throw new ProviderAssemblyException($"provider assembly {path} cannot be loaded: {e.Message}", e);
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new ProviderAssemblyException($"provider assembly {path}: its types cannot be loaded: {e.Message}", e);
        }

        var modules = new List<ICimProviderModule>();
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICimProviderModule).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
                throw new ProviderAssemblyException($"provider assembly {path}: module {type.FullName} has no public parameterless constructor");
            try
            {
                modules.Add((ICimProviderModule)Activator.CreateInstance(type)!);
            }
            catch (TargetInvocationException e)
            {
                throw new ProviderAssemblyException($"provider assembly {path}: module {type.FullName} failed to start: {e.InnerException?.Message}", e);
            }
        }

        if (modules.Count == 0)
            throw new ProviderAssemblyException($"provider assembly {path} exposes no public {nameof(ICimProviderModule)}");
        return modules;
    }

    private sealed class ProviderLoadContext(string mainAssemblyPath)
        : AssemblyLoadContext($"provider:{Path.GetFileName(mainAssemblyPath)}")
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Shared contracts come from the server: never load a second copy of an assembly it has.
            if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName())))
                return null;
            try
            {
                if (Default.LoadFromAssemblyName(assemblyName) is not null)
                    return null;
            }
            catch (FileNotFoundException)
            {
                // Not one of the server's: the provider's own dependency.
            }

            return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
