using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class RateLimitingTests
{
    private static readonly Dictionary<string, string?> LowLimit = new()
    {
        ["RateLimit:SignInPermitLimit"] = "3",
        ["RateLimit:SignInWindowSeconds"] = "600",
    };

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sign_in_beyond_limit_gets_429_page(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, LowLimit);
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();
        var wrong = new Dictionary<string, string> { ["Username"] = "nobody", ["Password"] = "Not-The-Password-1" };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostFormAsync("/account/sign-in", wrong)).StatusCode);
        }

        var limited = await client.PostFormAsync(
            "/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = TestApp.DefaultPassword });
        var body = await limited.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many requests", body, StringComparison.Ordinal);
        Assert.True(limited.Headers.RetryAfter is not null, "No Retry-After header.");
        Assert.DoesNotContain(limited.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("hd_session=e", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Setup_posts_count_against_limit(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, LowLimit);
        using var client = app.Anonymous();
        var form = new Dictionary<string, string> { ["Token"] = "guess", ["Username"] = "x", ["Password"] = "y" };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/setup", form)).StatusCode);
        }

        var limited = await client.PostFormAsync("/setup", form);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Trailing_slash_sign_in_is_limited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, LowLimit);
        using var client = app.Anonymous();
        var wrong = new Dictionary<string, string> { ["Username"] = "nobody", ["Password"] = "Not-The-Password-1" };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostFormAsync("/account/sign-in/", wrong)).StatusCode);
        }

        var limited = await client.PostFormAsync("/Account/Sign-In/", wrong);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_factor_page_password_guesses_are_limited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, LowLimit);
        var (_, client) = await app.ClientForAsync(Role.User);
        var wrong = new Dictionary<string, string> { ["password"] = "Not-The-Password-1" };
        for (var i = 0; i < 2; i++)
        {
            var guess = await client.PostFormAsync("/profile/two-factor?handler=Disable", wrong);
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        }

        var limited = await client.PostFormAsync("/profile/two-factor/?handler=Disable", wrong);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}
