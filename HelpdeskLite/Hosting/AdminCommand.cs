using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;

namespace HelpdeskLite.Hosting;

/// <summary><c>HelpdeskLite admin create --username NAME</c>: creates an admin for scripted installs.</summary>
public static class AdminCommand
{
    private const string Usage =
        "Usage: HelpdeskLite admin create --username NAME [--display-name \"Full Name\"]\n" +
        "The password is read from standard input (one line).";

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            Console.Error.WriteLine(Usage);
            return 64;
        }

        var username = Option(args, "--username");
        if (string.IsNullOrWhiteSpace(username))
        {
            Console.Error.WriteLine("Missing --username.\n" + Usage);
            return 64;
        }

        var password = Console.In.ReadLine() ?? "";
        var displayName = Option(args, "--display-name") ?? username;
        var remaining = RemoveOptions(args[1..], "--username", "--display-name");

        using var services = CommandServices.Build(remaining);
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var actor = new AuditActor(null, "command line", "");
        var (user, error) = accounts.Create(new NewAccount(username, displayName, password, Role.Admin), actor);
        if (error is not null)
        {
            Console.Error.WriteLine($"The admin was not created: {error}");
            return 1;
        }

        Console.WriteLine($"Created admin '{user!.Username}' (id {user.Id}).");
        return 0;
    }

    /// <summary>Returns the arguments left for configuration, such as --Helpdesk:DataFolder x.</summary>
    private static string[] RemoveOptions(string[] args, params string[] names)
    {
        var remaining = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i]))
            {
                i++;
                continue;
            }

            remaining.Add(args[i]);
        }

        return remaining.ToArray();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
