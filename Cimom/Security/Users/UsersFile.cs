using System.Text.Json;
using System.Text.Json.Nodes;

namespace CimCloud.Cimom.Security.Users;

/// <summary>
/// The users file: JSON with salted password hashes and per-namespace role grants, never a password:
/// <code>
/// {"format":"cimcloud-users/1","users":[{"name":"ops","password":{"algorithm":"PBKDF2-SHA256","iterations":600000,
///   "salt":"base64","hash":"base64"},"grants":[{"role":"operator","namespace":"root/cimv2"},{"role":"read-only"}]}]}
/// </code>
/// A grant without <c>namespace</c> holds in every namespace. Old plain <c>name:password</c> files are refused.
/// Names compare case-insensitively. Saved atomically (temporary file, then rename), owner-only on Unix.
/// </summary>
public sealed class UsersFile
{
    public const string Format = "cimcloud-users/1";

    private readonly List<UserAccount> _users = [];

    public IReadOnlyList<UserAccount> Users => _users;

    public UserAccount? Find(string name) => _users.Find(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds a user, or adds the grant to an existing user (and sets its password when given).</summary>
    public UserAccount AddOrUpdate(string name, PasswordHash? password, CimRoleGrant grant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(grant);
        if (name.Contains(':', StringComparison.Ordinal))
            throw new ArgumentException($"user name '{name}' must not contain ':' (HTTP Basic separates name and password with it)", nameof(name));
        var existing = Find(name);
        if (existing is null)
        {
            var created = new UserAccount(name, password ?? throw new ArgumentException($"new user {name} needs a password", nameof(password)), [grant]);
            _users.Add(created);
            return created;
        }

        var grants = existing.Grants.Where(g => !SameScope(g, grant)).Append(grant).ToArray();
        var updated = existing with { Password = password ?? existing.Password, Grants = grants };
        _users[_users.IndexOf(existing)] = updated;
        return updated;
    }

    public bool Remove(string name) => _users.RemoveAll(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)) > 0;

    /// <summary>Reads a users file. <see cref="InvalidDataException"/> for a plain-text or malformed file (the message says why and how to fix it).</summary>
    public static UsersFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        var trimmed = text.TrimStart();
        if (trimmed.Length > 0 && trimmed[0] != '{')
        {
            throw new InvalidDataException(
                $"{path} looks like an old plain-text users file (name:password lines); passwords are no longer stored in clear. "
                + $"Convert it: for each line run 'cimcloud users add --file NEW.json NAME --password PASSWORD --role admin', "
                + "serve NEW.json with --users, then delete the old file.");
        }

        var file = new UsersFile();
        if (trimmed.Length == 0)
            return file;
        try
        {
            var root = JsonNode.Parse(text)?.AsObject() ?? throw Bad(path, "the file is not a JSON object");
            if ((string?)root["format"] != Format)
                throw Bad(path, $"\"format\" must be \"{Format}\"");
            foreach (var node in root["users"]?.AsArray() ?? [])
                file._users.Add(ReadUser(path, node?.AsObject() ?? throw Bad(path, "a user entry is null")));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Bad(path, e.Message);
        }

        var duplicate = file._users.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw Bad(path, $"user {duplicate.Key} appears twice");
        return file;
    }

    /// <summary>Loads <paramref name="path"/>, or an empty file when it does not exist.</summary>
    public static UsersFile LoadOrEmpty(string path) => File.Exists(path) ? Load(path) : new UsersFile();

    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var users = new JsonArray();
        foreach (var user in _users)
        {
            var grants = new JsonArray();
            foreach (var grant in user.Grants)
            {
                var g = new JsonObject { ["role"] = RoleNames.Format(grant.Role) };
                if (grant.Namespace is not null)
                    g["namespace"] = grant.Namespace;
                grants.Add(g);
            }

            users.Add(new JsonObject
            {
                ["name"] = user.Name,
                ["password"] = new JsonObject
                {
                    ["algorithm"] = user.Password.Algorithm,
                    ["iterations"] = user.Password.Iterations,
                    ["salt"] = Convert.ToBase64String(user.Password.Salt),
                    ["hash"] = Convert.ToBase64String(user.Password.Hash),
                },
                ["grants"] = grants,
            });
        }

        var root = new JsonObject { ["format"] = Format, ["users"] = users };
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            root.WriteTo(writer);
            writer.Flush();
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }

    private static UserAccount ReadUser(string path, JsonObject node)
    {
        var name = (string?)node["name"];
        if (string.IsNullOrWhiteSpace(name))
            throw Bad(path, "a user has no name");
        var password = node["password"]?.AsObject() ?? throw Bad(path, $"user {name} has no password hash");
        var algorithm = (string?)password["algorithm"] ?? string.Empty;
        if (!string.Equals(algorithm, PasswordHash.Pbkdf2Sha256, StringComparison.OrdinalIgnoreCase))
            throw Bad(path, $"user {name}: password algorithm '{algorithm}' is not supported (use {PasswordHash.Pbkdf2Sha256})");
        var iterations = (int?)password["iterations"] ?? 0;
        if (iterations < PasswordHash.MinimumIterations)
            throw Bad(path, $"user {name}: {iterations} PBKDF2 iterations is below the minimum of {PasswordHash.MinimumIterations}; set the password again with 'cimcloud users add'");
        var salt = Convert.FromBase64String((string?)password["salt"] ?? string.Empty);
        var hash = Convert.FromBase64String((string?)password["hash"] ?? string.Empty);
        if (salt.Length < 8 || hash.Length < 16)
            throw Bad(path, $"user {name}: the salt or hash is too short");
        var grants = new List<CimRoleGrant>();
        foreach (var g in node["grants"]?.AsArray() ?? [])
        {
            var roleText = (string?)g?["role"];
            if (!RoleNames.TryParse(roleText, out var role))
                throw Bad(path, $"user {name}: unknown role '{roleText}' (use {RoleNames.ReadOnly}, {RoleNames.Operator} or {RoleNames.Admin})");
            var ns = (string?)g!["namespace"];
            grants.Add(new CimRoleGrant(role, string.IsNullOrWhiteSpace(ns) ? null : ns.Trim('/')));
        }

        return new UserAccount(name, new PasswordHash(algorithm, iterations, salt, hash), grants);
    }

    private static bool SameScope(CimRoleGrant a, CimRoleGrant b) =>
        (a.Namespace is null && b.Namespace is null) || (a.Namespace is not null && b.Namespace is not null && b.AppliesTo(a.Namespace));

    private static InvalidDataException Bad(string path, string why) => new($"{path}: not a valid users file: {why}");
}
