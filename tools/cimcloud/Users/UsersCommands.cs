using System.CommandLine;
using CimCloud.Cimom.Security;
using CimCloud.Cimom.Security.Users;

namespace CimCloud.Cli.Users;

/// <summary><c>cimcloud users add|remove|list</c>: manage a users file (salted PBKDF2-SHA256 hashes, per-namespace roles).</summary>
internal static class UsersCommands
{
    public static Command Create()
    {
        var users = new Command("users", """
            Manage a users file for 'cimcloud serve --users FILE': JSON with salted PBKDF2-SHA256 password hashes
            (600,000 iterations, never the password) and roles per namespace: read-only (get, enumerate,
            associations, queries), operator (also invoke methods), admin (also create, modify, delete and schema
            changes). Old plain 'name:password' files are refused; re-create each user with 'users add'.
            """);
        users.Subcommands.Add(CreateAdd());
        users.Subcommands.Add(CreateRemove());
        users.Subcommands.Add(CreateList());
        return users;
    }

    private static Option<string> FileOption() => new("--file", "-f")
    {
        Description = "The users file (created by 'users add' when missing).",
        HelpName = "FILE",
        Required = true,
    };

    private static Argument<string> NameArgument() => new("NAME") { Description = "User name (case-insensitive; no ':')." };

    private static Command CreateAdd()
    {
        var file = FileOption();
        var name = NameArgument();
        var password = new Option<string?>("--password", "-p")
        {
            Description = "The password (hashed before it is stored). Optional when adding a role to an existing user.",
            HelpName = "P",
        };
        var role = new Option<string>("--role", "-r")
        {
            Description = "read-only, operator or admin.",
            HelpName = "ROLE",
            Required = true,
        };
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "Namespace the role holds in (e.g. root/cimv2); without it the role holds in every namespace. "
                + "Run again with another --namespace to grant more; a new grant for the same namespace replaces the old one.",
            HelpName = "NS",
        };
        var command = new Command("add", "Add a user, or add a role grant (and optionally a new password) to an existing user.") { file, name, password, role, ns };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!RoleNames.TryParse(parse.GetValue(role), out var parsedRole))
            {
                error.WriteLine($"cimcloud users add: unknown role '{parse.GetValue(role)}'; use {RoleNames.ReadOnly}, {RoleNames.Operator} or {RoleNames.Admin}");
                return CimCloudCli.ExitUsage;
            }

            var path = parse.GetValue(file)!;
            return Edit(path, "add", error, users =>
            {
                var userName = parse.GetValue(name)!;
                var secret = parse.GetValue(password);
                if (secret is not null && secret.Length == 0)
                    throw new ArgumentException("the password must not be empty");
                var grantNamespace = parse.GetValue(ns) is { } n && !string.IsNullOrWhiteSpace(n) ? n.Trim('/') : null;
                var account = users.AddOrUpdate(userName, secret is null ? null : PasswordHash.Create(secret), new CimRoleGrant(parsedRole, grantNamespace));
                parse.InvocationConfiguration.Output.WriteLine($"{account.Name}: {Describe(account)}");
            });
        });
        return command;
    }

    private static Command CreateRemove()
    {
        var file = FileOption();
        var name = NameArgument();
        var command = new Command("remove", "Remove a user.") { file, name };
        command.SetAction(parse => Edit(parse.GetValue(file)!, "remove", parse.InvocationConfiguration.Error, users =>
        {
            var userName = parse.GetValue(name)!;
            if (!users.Remove(userName))
                throw new ArgumentException($"no user {userName} in {parse.GetValue(file)}");
            parse.InvocationConfiguration.Output.WriteLine($"removed {userName}");
        }));
        return command;
    }

    private static Command CreateList()
    {
        var file = FileOption();
        var command = new Command("list", "List the users and their roles (never a password or hash): 'NAME: role[@namespace], ...'.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                foreach (var account in UsersFile.Load(path).Users)
                    parse.InvocationConfiguration.Output.WriteLine($"{account.Name}: {Describe(account)}");
                return CimCloudCli.ExitOk;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"cimcloud users list: {e.Message}");
                return CimCloudCli.ExitFailed;
            }
        });
        return command;
    }

    private static int Edit(string path, string verb, TextWriter error, Action<UsersFile> change)
    {
        try
        {
            var users = UsersFile.LoadOrEmpty(path);
            change(users);
            users.Save(path);
            return CimCloudCli.ExitOk;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"cimcloud users {verb}: {e.Message}");
            return CimCloudCli.ExitFailed;
        }
    }

    private static string Describe(UserAccount account) =>
        account.Grants.Count == 0
            ? "(no roles)"
            : string.Join(", ", account.Grants.Select(g => g.Namespace is null ? RoleNames.Format(g.Role) : $"{RoleNames.Format(g.Role)}@{g.Namespace}"));
}
