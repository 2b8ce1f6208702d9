using System.Net;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Security.Matrix;

namespace HelpdeskLite.Tests.Security;

public sealed class CsrfTests(ITestOutputHelper output)
{
    // The error page takes POSTs so a failed form post can re-execute it; it changes nothing.
    private static readonly HashSet<string> Exempt = new(StringComparer.Ordinal) { "POST /error/{code:int?}" };

    [Fact]
    public async Task Every_rendered_post_form_carries_token()
    {
        await using var world = await MatrixWorld.StartAsync(DatabaseKind.Sqlite, EndpointCatalog.Areas());

        var forms = await HostileInputTests.PostFormsAsync(world);

        Assert.NotEmpty(forms);
        var missing = forms.Where(f => !f.Form.HasAntiforgeryToken).Select(f => $"{f.Actor}: {f.Form.Action}").ToList();
        Assert.True(missing.Count == 0, "These forms post without an antiforgery token, so they fail without htmx:\n" + string.Join('\n', missing));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Post_without_token_is_rejected_everywhere(DatabaseKind kind)
    {
        await using var world = await MatrixWorld.StartAsync(kind, EndpointCatalog.Areas());
        var failures = new List<string>();
        var targets = await EndpointSurface.TargetsAsync(world, "POST", MatrixActor.Admin, MatrixActor.User, MatrixActor.Anonymous);

        foreach (var target in targets.Where(t => !Exempt.Contains(t.Endpoint.Key)))
        {
            var client = world.Client(target.Actor);
            foreach (var htmx in new[] { false, true })
            {
                var before = DatabaseSnapshot.Take(world.App);
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new FormUrlEncodedContent(target.Rule.Form) };
                if (htmx)
                {
                    request.Headers.Add("HX-Request", "true");
                }

                using var response = await client.Http.SendAsync(request);
                var after = DatabaseSnapshot.Take(world.App);
                var outcome = MatrixRequests.Classify(response);
                if (response.StatusCode != HttpStatusCode.BadRequest && outcome is not (Outcome.SignIn or Outcome.Forbidden or Outcome.NotFound))
                {
                    failures.Add($"{target.Actor} {target.Endpoint.Key}{(htmx ? " htmx" : "")} without a token answered {(int)response.StatusCode}");
                }

                failures.AddRange(before.ContentChanges(after).Select(t => $"{target.Actor} {target.Endpoint.Key} without a token changed {t}"));
            }
        }

        output.WriteLine($"{targets.Count} POST targets checked without a token on {kind}");
        Assert.NotEmpty(targets);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await world.Client(MatrixActor.Admin).GetAsync("/profile")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Token_of_another_session_is_rejected(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, victim) = await app.ClientForAsync(Role.User);
        var (_, attacker) = await app.ClientForAsync(Role.User);
        var attackerToken = await attacker.AntiforgeryTokenAsync();

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Forged Name",
            ["TimeZone"] = "UTC",
            ["__RequestVerificationToken"] = attackerToken,
        });
        var response = await victim.Http.PostAsync("/profile", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Forged Name", await victim.GetHtmlAsync("/profile"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_token_keeps_session()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, client) = await app.ClientForAsync(Role.User);

        var response = await client.PostWithoutTokenAsync("/account/sign-out", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.NotNull(client.Cookies.GetCookies(app.Address)[SessionTokens.CookieName]);
    }
}
