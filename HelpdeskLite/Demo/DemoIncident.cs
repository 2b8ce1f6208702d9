using System.Text;
using HelpdeskLite.Incidents;
using HelpdeskLite.Pages.Incidents;
using HelpdeskLite.Pages.Tickets;
using LinqToDB;
using Microsoft.AspNetCore.Http;

namespace HelpdeskLite.Demo;

/// <summary>
/// Schedules one incident's story step by step; each method acts at the current time and
/// <see cref="Wait"/> moves it on. The security officer acts unless a step names someone else.
/// </summary>
internal sealed class DemoIncident(DemoSchedule schedule, DemoContext demo, string officer, DateTimeOffset start)
{
    private readonly DemoScript script = new();

    public DateTimeOffset At { get; private set; } = start;

    public DemoIncident Wait(double minutes)
    {
        At += TimeSpan.FromMinutes(minutes);
        return this;
    }

    public DemoIncident Report(string reporter, string title, string whatHappened, string affected, double noticedMinutesAgo)
    {
        var noticed = DemoContext.Local(At - TimeSpan.FromMinutes(noticedMinutesAgo));
        return Step(async s =>
        {
            var result = await demo.Get<ReportCommands>().ReportAsync(
                new ReportInput(title, whatHappened, noticed, affected), [], demo.Viewer(reporter), demo.Actor(reporter));
            s.IncidentId = result.Id ?? 0;
            return result.Succeeded;
        });
    }

    /// <summary>Files a ticket as the requester, then has the agent assign and convert it.</summary>
    public DemoIncident FromTicket(string requester, string agent, NewTicketInput ticket)
    {
        Step(async s =>
        {
            var result = await demo.Get<TicketCommands>().CreateAsync(demo.Viewer(requester), demo.Actor(requester), ticket, []);
            s.Number = result.Number;
            return result.Succeeded;
        });
        Wait(20).Step(s => demo.Get<TicketCommands>().Assign(
            demo.Viewer(agent), demo.Actor(agent), s.Number, demo.TicketVersion(s.Number), demo.IdOf(agent)).Succeeded);
        return Wait(15).Step(s =>
        {
            var result = demo.Get<ConversionCommands>().Convert(s.Number, demo.Viewer(agent), demo.Actor(agent));
            s.IncidentId = result.Id ?? 0;
            return result.Succeeded;
        });
    }

    public DemoIncident Assess(AssessmentInput input) =>
        Step(s => demo.Get<AssessmentCommands>().Update(
            s.IncidentId, demo.IncidentVersion(s.IncidentId), input with { OwnerId = demo.IdOf(officer) },
            demo.Viewer(officer), demo.Actor(officer)).Succeeded);

    public DemoIncident Move(IncidentStatus to, string? actions = null, double effectiveMinutesAgo = 0, string? reason = null)
    {
        var effective = actions is null ? null : DemoContext.Local(At - TimeSpan.FromMinutes(effectiveMinutesAgo));
        return Step(s => demo.Get<WorkflowCommands>().Transition(
            s.IncidentId, demo.IncidentVersion(s.IncidentId), new TransitionInput(to, actions, effective, reason),
            demo.Viewer(officer), demo.Actor(officer)).Succeeded);
    }

    public DemoIncident Entry(double minutesAgo, string body)
    {
        var occurred = DemoContext.Local(At - TimeSpan.FromMinutes(minutesAgo));
        return Step(s => demo.Get<TimelineCommands>().AddEntry(
            s.IncidentId, occurred, body, demo.Viewer(officer), demo.Actor(officer)).Succeeded);
    }

    public DemoIncident Comment(string body) =>
        Step(s => demo.Get<TimelineCommands>().AddComment(s.IncidentId, body, demo.Viewer(officer), demo.Actor(officer)).Succeeded);

    public DemoIncident MessageReporter(string body) =>
        Step(s => demo.Get<TimelineCommands>().MessageReporter(s.IncidentId, body, demo.Viewer(officer), demo.Actor(officer)).Succeeded);

    public DemoIncident Evidence(string fileName, string content, string description) =>
        Step(async s =>
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            using var stream = new MemoryStream(bytes);
            var file = new FormFile(stream, 0, bytes.Length, "files", fileName)
            {
                Headers = new HeaderDictionary(),
                ContentType = "text/plain",
            };
            var result = await demo.Get<EvidenceCommands>().UploadAsync(
                s.IncidentId, [file], description, demo.Viewer(officer), demo.Actor(officer));
            return result.Succeeded;
        });

    public DemoIncident Observable(ObservableKind kind, string value, string note) =>
        Step(s => demo.Get<TaskCommands>().AddObservable(
            s.IncidentId, kind, value, note, demo.Viewer(officer), demo.Actor(officer)).Succeeded);

    public DemoIncident Task(IncidentTaskKind kind, string title, int dueInDays, bool done = false)
    {
        var due = DateOnly.FromDateTime(At.UtcDateTime.AddDays(dueInDays));
        return Step(s => demo.Get<TaskCommands>().AddTask(
            s.IncidentId, new TaskInput(kind, title, demo.IdOf(officer), due, done), demo.Viewer(officer), demo.Actor(officer)).Succeeded);
    }

    /// <summary>Gives every open task an owner and a due date; marks them done when asked, as closing needs.</summary>
    public DemoIncident UpdateTasks(bool done) =>
        Step(s =>
        {
            List<IncidentTask> tasks;
            using (var db = demo.Get<Data.HelpdeskDbFactory>().Open())
            {
                tasks = db.IncidentTasks.Where(t => t.IncidentId == s.IncidentId && !t.IsDone).ToList();
            }

            var due = DateOnly.FromDateTime(At.UtcDateTime.AddDays(14));
            var commands = demo.Get<TaskCommands>();
            return tasks.All(task => commands.UpdateTask(
                s.IncidentId, task.Id, task.RowVersion,
                new TaskInput(task.Kind, task.Title, demo.IdOf(officer), due, done),
                demo.Viewer(officer), demo.Actor(officer)).Succeeded);
        });

    public DemoIncident Review(string rootCause, string factors, string lessons) =>
        Step(s => demo.Get<WorkflowCommands>().UpdateReview(
            s.IncidentId, demo.IncidentVersion(s.IncidentId), rootCause, factors, lessons,
            demo.Viewer(officer), demo.Actor(officer)).Succeeded);

    private DemoIncident Step(Func<DemoScript, bool> step)
    {
        schedule.Add(At, script, step);
        return this;
    }

    private DemoIncident Step(Func<DemoScript, Task<bool>> step)
    {
        schedule.Add(At, script, step);
        return this;
    }
}
