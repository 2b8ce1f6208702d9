using HelpdeskLite.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Auth;

/// <summary>Checks new passwords: a minimum length and not on the shipped list of common ones.</summary>
public sealed class PasswordPolicy(IOptions<AuthOptions> options)
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public int MinLength => options.Value.MinPasswordLength;

    /// <summary>Returns why the password is not acceptable, or null when it is.</summary>
    public string? Check(string? password, string? username = null)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"The password must be at least {MinLength} characters long.";
        }

        if (password.Length > 256)
        {
            return "The password must be at most 256 characters long.";
        }

        if (CommonPasswords.Value.Contains(password.ToLowerInvariant()))
        {
            return "This password is on the list of commonly used passwords. Choose another.";
        }

        if (!string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase))
        {
            return "The password must not contain the username.";
        }

        return null;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(
            "HelpdeskLite.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
