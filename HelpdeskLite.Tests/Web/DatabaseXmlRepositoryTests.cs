using System.Net;
using System.Security.Cryptography;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

/// <summary>Two nodes over one database share the data-protection keys; another database does not.</summary>
public sealed class DatabaseXmlRepositoryTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Nodes_over_one_database_accept_each_others_tokens(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        await using var first = await TestApp.StartNodeAsync(database, Node(database, "node-a", signingKey));
        await using var second = await TestApp.StartNodeAsync(database, Node(database, "node-b", signingKey));
        await using var stranger = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey });
        var user = first.CreateUser(Role.Admin);
        using var client = first.Anonymous();
        var token = await client.AntiforgeryTokenAsync();

        using var signIn = await PostAsync(client, second, "/account/sign-in", token, user.Username);
        using var page = await client.Http.GetAsync(new Uri(first.Address, "/admin/users"));
        var signedInToken = await client.AntiforgeryTokenAsync();
        using var unlock = await PostAsync(client, second, $"/admin/users/{user.Id}?handler=Unlock", signedInToken, user.Username);

        // Last, because its error page replaces the shared antiforgery cookie with one of its own.
        using var strangerSignIn = await PostAsync(client, stranger, "/account/sign-in", token, user.Username);

        Assert.Equal(HttpStatusCode.BadRequest, strangerSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        using var db = database.Factory.Open();
        Assert.Equal(1, db.DataProtectionKeys.Count());
        Assert.Contains("<key ", db.DataProtectionKeys.Single().Xml, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Node(TestDatabase database, string name, string signingKey) => new()
    {
        ["Helpdesk:DataFolder"] = Path.Combine(database.Folder, name),
        ["Auth:SigningKey"] = signingKey,
    };

    private static Task<HttpResponseMessage> PostAsync(TestClient client, TestApp node, string path, string token, string username) =>
        client.Http.PostAsync(new Uri(node.Address, path), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Username"] = username,
            ["Password"] = TestApp.DefaultPassword,
            ["rowVersion"] = "0",
        }));
}
