using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class AntiforgeryTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Post_without_token_is_rejected_and_changes_nothing(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var target = app.CreateUser(Role.User);
        var fields = new Dictionary<string, string> { ["rowVersion"] = "0" };
        var url = $"/admin/users/{target.Id}?handler=Deactivate";

        using var plain = await admin.PostWithoutTokenAsync(url, fields);
        using var htmx = await PostHtmxWithoutTokenAsync(admin, url, fields);
        using var signIn = await app.Anonymous().PostWithoutTokenAsync(
            "/account/sign-in", new() { ["Username"] = target.Username, ["Password"] = TestApp.DefaultPassword });
        var activeAfterForgery = IsActive(app, target.Id);
        using var genuine = await admin.PostHtmxAsync(url, fields);

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, htmx.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.True(activeAfterForgery);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.False(IsActive(app, target.Id));
    }

    private static bool IsActive(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.Users.Single(u => u.Id == id).IsActive;
    }

    private static async Task<HttpResponseMessage> PostHtmxWithoutTokenAsync(
        TestClient client, string url, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        return await client.Http.SendAsync(request);
    }
}
