using HelpdeskLite.Auth;
using HelpdeskLite.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Tests.Auth;

public sealed class PasswordPolicyTests
{
    private static PasswordPolicy Policy(int minLength = 12) =>
        new(Options.Create(new AuthOptions { MinPasswordLength = minLength }));

    [Fact]
    public void Eleven_characters_are_too_short()
    {
        var error = Policy().Check("Abcdefgh-12");

        Assert.Equal("The password must be at least 12 characters long.", error);
    }

    [Fact]
    public void Twelve_uncommon_characters_pass()
    {
        var error = Policy().Check("Tulip-Ferry-93");

        Assert.Null(error);
    }

    [Fact]
    public void Common_password_is_rejected_in_any_case()
    {
        var lower = Policy().Check("password1234");
        var upper = Policy().Check("QWERTYUIOP123");

        Assert.Contains("commonly used", lower, StringComparison.Ordinal);
        Assert.Contains("commonly used", upper, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_containing_username_is_rejected()
    {
        var error = Policy().Check("my-name-is-alice-99", "Alice");

        Assert.Equal("The password must not contain the username.", error);
    }

    [Fact]
    public void Minimum_length_is_configurable()
    {
        var policy = Policy(minLength: 20);

        Assert.NotNull(policy.Check("Tulip-Ferry-93"));
        Assert.Null(policy.Check("Tulip-Ferry-93-Lantern"));
    }

    [Fact]
    public void Empty_and_huge_passwords_are_rejected()
    {
        Assert.NotNull(Policy().Check(""));
        Assert.NotNull(Policy().Check(null));
        Assert.NotNull(Policy().Check(new string('x', 257)));
    }
}
