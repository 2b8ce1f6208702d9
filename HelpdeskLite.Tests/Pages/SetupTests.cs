using System.Net;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Pages;

public sealed class SetupTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Setup_link_works_once(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var token = IssueToken(app);
        using var client = app.Anonymous();

        using var page = await client.GetAsync($"/setup?token={token}");
        using var first = await client.PostFormAsync("/setup", SetupForm(token, "first.admin"));
        using var second = await client.PostFormAsync("/setup", SetupForm(token, "second.admin"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        using var db = app.Db.Open();
        Assert.Equal(["first.admin"], db.Users.Where(u => u.Role == Role.Admin).Select(u => u.Username).ToList());
        using var signedIn = await app.SignInAsync("first.admin", "Tulip-Ferry-93-Lantern");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Expired_setup_link_is_rejected(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Auth:SetupLinkMinutes"] = "0" });
        var token = IssueToken(app);
        using var client = app.Anonymous();

        using var page = await client.GetAsync($"/setup?token={token}");
        using var post = await client.PostFormAsync("/setup", SetupForm(token, "late.admin"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var db = app.Db.Open();
        Assert.Empty(db.Users);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Setup_link_dies_once_an_admin_exists(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var token = IssueToken(app);
        app.CreateUser(Role.Admin);
        using var client = app.Anonymous();

        using var page = await client.GetAsync($"/setup?token={token}");
        using var post = await client.PostFormAsync("/setup", SetupForm(token, "extra.admin"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var db = app.Db.Open();
        Assert.Equal(1, db.Users.Count());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Setup_rejects_weak_password_and_keeps_link(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var token = IssueToken(app);
        using var client = app.Anonymous();
        var weak = SetupForm(token, "first.admin");
        weak["Password"] = weak["ConfirmPassword"] = "password1234";

        using var rejected = await client.PostFormAsync("/setup", weak);
        using var accepted = await client.PostFormAsync("/setup", SetupForm(token, "first.admin"));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("commonly used", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    internal static string IssueToken(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AccountService>().IssueSetupToken();
    }

    internal static Dictionary<string, string> SetupForm(string token, string username) => new()
    {
        ["Token"] = token,
        ["Username"] = username,
        ["DisplayName"] = "First Admin",
        ["Password"] = "Tulip-Ferry-93-Lantern",
        ["ConfirmPassword"] = "Tulip-Ferry-93-Lantern",
    };
}
