using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class UnknownHandlerTests
{
    [Fact]
    public async Task Unknown_handler_name_returns_404()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, admin) = await app.ClientForAsync(Role.Admin);

        using var get = await admin.GetAsync("/admin/users?handler=NoSuchHandler");
        using var post = await admin.PostFormAsync("/admin/sla?handler=NoSuchHandler", new() { ["days"] = "3" });
        using var known = await admin.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    [Fact]
    public async Task Post_without_handler_returns_405()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, admin) = await app.ClientForAsync(Role.Admin);

        using var response = await admin.PostFormAsync("/audit", new() { ["anything"] = "1" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
