using HelpdeskLite.Data;
using HelpdeskLite.Incidents;

namespace HelpdeskLite.Tests.Incidents;

public sealed class IncidentWorkflowTests
{
    private static readonly HashSet<(IncidentStatus, IncidentStatus)> Expected =
    [
        (IncidentStatus.New, IncidentStatus.Triaged),
        (IncidentStatus.Triaged, IncidentStatus.Investigating),
        (IncidentStatus.Investigating, IncidentStatus.Contained),
        (IncidentStatus.Contained, IncidentStatus.Recovered),
        (IncidentStatus.Recovered, IncidentStatus.Closed),
        (IncidentStatus.Closed, IncidentStatus.Investigating),
        (IncidentStatus.New, IncidentStatus.Closed),
        (IncidentStatus.Triaged, IncidentStatus.Closed),
    ];

    public static TheoryData<IncidentStatus, IncidentStatus, Role> EveryMove()
    {
        var data = new TheoryData<IncidentStatus, IncidentStatus, Role>();
        foreach (var from in Enum.GetValues<IncidentStatus>())
        {
            foreach (var to in Enum.GetValues<IncidentStatus>())
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    data.Add(from, to, role);
                }
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(EveryMove))]
    public void Only_listed_moves_by_responders_are_allowed(IncidentStatus from, IncidentStatus to, Role role)
    {
        var expected = Expected.Contains((from, to)) && role is Role.SecurityOfficer or Role.Admin;

        var allowed = IncidentWorkflow.IsAllowed(from, to, role);

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void Every_status_has_both_phases()
    {
        foreach (var status in Enum.GetValues<IncidentStatus>())
        {
            Assert.False(string.IsNullOrEmpty(IncidentWorkflow.NistPhase(status)));
            Assert.False(string.IsNullOrEmpty(IncidentWorkflow.IsoPhase(status)));
        }

        Assert.Equal("Post-Incident Activity", IncidentWorkflow.NistPhase(IncidentStatus.Closed));
        Assert.Equal("Lessons learnt", IncidentWorkflow.IsoPhase(IncidentStatus.Closed));
    }

    [Fact]
    public void Triage_lists_category_severity_and_owner_when_missing()
    {
        var missing = IncidentWorkflow.Missing(new Incident(), IncidentStatus.Triaged, []);

        Assert.Equal(["a category", "a severity", "an owner"], missing);
    }

    [Fact]
    public void Closing_lists_review_fields_and_incomplete_corrective_actions()
    {
        var incident = new Incident { RootCause = "  " };
        IncidentTask[] tasks =
        [
            new() { Kind = IncidentTaskKind.Corrective, Title = "Patch VPN", OwnerId = 4 },
            new() { Kind = IncidentTaskKind.Investigation, Title = "Read logs" },
        ];

        var missing = IncidentWorkflow.Missing(incident, IncidentStatus.Closed, tasks);

        Assert.Equal(
            ["the root cause", "the contributing factors", "the lessons learned", "a due date for the corrective action \"Patch VPN\""],
            missing);
    }

    [Fact]
    public void Closing_with_complete_review_misses_nothing()
    {
        var incident = new Incident { RootCause = "a", ContributingFactors = "b", LessonsLearned = "c" };
        IncidentTask[] tasks = [new() { Kind = IncidentTaskKind.Corrective, Title = "x", OwnerId = 1, DueDate = DateTime.UtcNow }];

        var missing = IncidentWorkflow.Missing(incident, IncidentStatus.Closed, tasks);

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(IncidentStatus.New)]
    [InlineData(IncidentStatus.Triaged)]
    public void False_positive_close_needs_only_reason(IncidentStatus from)
    {
        var transition = IncidentWorkflow.Find(from, IncidentStatus.Closed);
        var incident = new Incident { Status = from, FalsePositive = true, FalsePositiveReason = "Test mail" };
        IncidentTask[] tasks = [new() { Kind = IncidentTaskKind.Corrective, Title = "x" }];

        var missing = IncidentWorkflow.Missing(incident, IncidentStatus.Closed, tasks);

        Assert.NotNull(transition);
        Assert.Equal(TransitionNeeds.FalsePositiveReason, transition.Needs);
        Assert.Empty(missing);
    }

    [Fact]
    public void Regular_close_still_needs_the_review()
    {
        var transition = IncidentWorkflow.Find(IncidentStatus.Recovered, IncidentStatus.Closed);

        var missing = IncidentWorkflow.Missing(new Incident(), IncidentStatus.Closed, []);

        Assert.Equal(TransitionNeeds.None, transition!.Needs);
        Assert.Equal(
            ["the root cause", "the contributing factors", "the lessons learned",
                "at least one corrective action, with an owner and a due date"],
            missing);
    }

    [Fact]
    public void Closing_without_corrective_actions_is_refused()
    {
        var incident = new Incident { RootCause = "a", ContributingFactors = "b", LessonsLearned = "c" };
        IncidentTask[] tasks = [new() { Kind = IncidentTaskKind.Investigation, Title = "Read logs", OwnerId = 1, DueDate = DateTime.UtcNow }];

        var missing = IncidentWorkflow.Missing(incident, IncidentStatus.Closed, tasks);

        Assert.Equal(["at least one corrective action, with an owner and a due date"], missing);
    }

    [Theory]
    [InlineData(IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Contained)]
    public void False_positive_close_ends_at_triage(IncidentStatus from)
    {
        var offered = IncidentWorkflow.AvailableFrom(from, Role.SecurityOfficer);

        Assert.DoesNotContain(offered, t => t.Needs == TransitionNeeds.FalsePositiveReason);
    }
}
