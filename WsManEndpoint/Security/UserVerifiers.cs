using CimCloud.Cimom.Security;
using CimCloud.Cimom.Security.Users;
using CimCloud.WsManEndpoint.Hosting;

namespace CimCloud.WsManEndpoint.Security;

/// <summary>Builds the credential verifier the settings describe: the hashed <see cref="WsManServerOptions.UsersFile"/> plus the <see cref="WsManServerOptions.Users"/> administrators.</summary>
public static class UserVerifiers
{
    /// <summary>
    /// The verifier for <paramref name="options"/>. A plain-text or malformed users file throws <see cref="InvalidDataException"/>
    /// (the message says how to convert it); a missing one <see cref="FileNotFoundException"/>.
    /// </summary>
    public static ICimCredentialVerifier FromOptions(WsManServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var administrators = UserStore.Create(options.Users);
        if (string.IsNullOrEmpty(options.UsersFile))
            return administrators;
        var file = UsersFile.Load(options.UsersFile);
        return new UsersFileVerifier(file.Users, administrators.Count > 0 ? administrators : null);
    }
}
