using System.Net;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Security.Matrix;

namespace HelpdeskLite.Tests.Security;

/// <summary>
/// Sends the payload corpus through every field of every rendered form and every upload
/// input: never a 500, never reflected unescaped, and a rejected request changes nothing.
/// HostileQueryTests does the same for query parameters.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    // Fragments of the corpus that only appear in a page when markup was not escaped.
    private static readonly string[] InjectedMarkup =
    [
        "<script>alert", "<img src=x onerror", "<svg/onload", "<a hx-on:click=", "\" hx-on::load=\"alert", "<div hx-get=\"/admin",
    ];

    internal static readonly MatrixActor[] Posters = [MatrixActor.Admin, MatrixActor.User, MatrixActor.Anonymous];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Payloads_in_form_fields_and_uploads_are_handled(DatabaseKind kind)
    {
        await using var world = await MatrixWorld.StartAsync(kind, EndpointCatalog.Areas());
        var payloads = kind == DatabaseKind.Sqlite ? Payloads.All : Payloads.Sample;
        var failures = new List<string>();
        var sent = 0;

        // Each request's "after" is the next one's "before": nothing else writes between them.
        var before = DatabaseSnapshot.Take(world.App);
        foreach (var (actor, form) in await PostFormsAsync(world))
        {
            var client = world.Client(actor);
            var token = await client.AntiforgeryTokenAsync();
            foreach (var field in form.Fields.Keys)
            {
                foreach (var payload in payloads)
                {
                    var fields = new Dictionary<string, string>(form.Fields) { [field] = payload };
                    using var response = await PostAsync(client, form.Action, fields, token);
                    var after = DatabaseSnapshot.Take(world.App);
                    sent++;
                    var where = $"{actor} POST {form.Action} {field}={Describe(payload)}";
                    failures.AddRange(await CheckAnswerAsync(response, payload, where));
                    var outcome = MatrixRequests.Classify(response);
                    var changes = before.ContentChanges(after).ToList();
                    if (outcome == Outcome.Rejected && changes.Count > 0)
                    {
                        failures.Add($"{where}: rejected with {(int)response.StatusCode} but changed {string.Join(", ", changes)}");
                    }

                    if (!form.FreeTextFields.Contains(field) && outcome != Outcome.Rejected && changes.Count > 0)
                    {
                        failures.Add($"{where}: an invalid value in a non-text field was accepted and changed {string.Join(", ", changes)}");
                    }

                    before = after;
                }
            }
        }

        var uploads = await SendHostileUploadsAsync(world, failures);

        output.WriteLine($"{sent} hostile form posts and {uploads} hostile uploads on {kind}");
        Assert.True(sent > 0, "No form was found to post to.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Posts each hostile file to every form with a file input; returns how many were sent.</summary>
    private static async Task<int> SendHostileUploadsAsync(MatrixWorld world, List<string> failures)
    {
        var sent = 0;
        var attachments = Path.Combine(world.App.Database.Folder, "attachments");

        foreach (var (actor, form) in (await PostFormsAsync(world)).Where(f => f.Form.FileFields.Count > 0))
        {
            foreach (var row in Files.FileStoreHostileTests.Rejected)
            {
                var (name, content) = (row.Data.Item1, row.Data.Item2);
                var before = DatabaseSnapshot.Take(world.App);
                var storedBefore = StoredFileCount(attachments);
                using var response = await world.Client(actor).PostMultipartAsync(
                    form.Action, new(form.Fields), form.FileFields.Select(f => (f, name, content)).ToArray());
                sent++;
                var where = $"{actor} POST {form.Action} file {name}";
                failures.AddRange(await CheckAnswerAsync(response, name, where));
                failures.AddRange(before.ContentChanges(DatabaseSnapshot.Take(world.App)).Select(t => $"{where}: changed {t}"));
                if (StoredFileCount(attachments) != storedBefore)
                {
                    failures.Add($"{where}: a file was stored");
                }
            }
        }

        return sent;
    }

    private static int StoredFileCount(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;

    /// <summary>Returns the POST forms that each actor's pages render, except those that end the session.</summary>
    internal static async Task<List<(MatrixActor Actor, RenderedForm Form)>> PostFormsAsync(MatrixWorld world)
    {
        var rules = EndpointCatalog.Rules();
        var forms = new List<(MatrixActor, RenderedForm)>();
        foreach (var target in await EndpointSurface.TargetsAsync(world, "GET", Posters))
        {
            using var response = await world.Client(target.Actor).GetAsync(target.Url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (var form in FormScanner.Scan(html, target.Url).Where(f => f.Method == "POST"))
            {
                var endsSession = rules.Values.Any(r => r.EndsSession && form.Action.StartsWith(r.Route, StringComparison.OrdinalIgnoreCase));
                if (!endsSession)
                {
                    forms.Add((target.Actor, form));
                }
            }
        }

        // One actor per form is enough: the sign-in form alone costs a password hash per post.
        return forms.DistinctBy(f => $"{f.Item2.Action} {string.Join(",", f.Item2.Fields.Keys)}").ToList();
    }

    private static async Task<HttpResponseMessage> PostAsync(TestClient client, string url, Dictionary<string, string> fields, string token)
    {
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.Http.PostAsync(url, content);
    }

    /// <summary>Checks one answer: no server error, and no markup payload reflected verbatim.</summary>
    internal static async Task<IEnumerable<string>> CheckAnswerAsync(HttpResponseMessage response, string payload, string where)
    {
        var failures = new List<string>();
        if ((int)response.StatusCode >= 500 || MatrixRequests.Classify(response) == Outcome.Unexpected)
        {
            failures.Add($"{where}: answered {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadAsStringAsync();
        if (Payloads.IsMarkup(payload) && body.Contains(payload, StringComparison.Ordinal))
        {
            failures.Add($"{where}: the payload came back unescaped");
        }

        if (InjectedMarkup.Any(marker => body.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{where}: the page contains an injected script or event handler");
        }

        return failures;
    }

    internal static string Describe(string payload) =>
        payload.Length > 40 ? $"{payload[..20]}...({payload.Length} chars)" : payload.Replace("\0", "\\0", StringComparison.Ordinal);
}
