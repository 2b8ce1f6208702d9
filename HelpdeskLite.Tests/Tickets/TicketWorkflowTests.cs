using HelpdeskLite.Data;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Tests.Tickets;

public sealed class TicketWorkflowTests
{
    public enum Actor
    {
        Requester,
        OtherUser,
        Assignee,
        OtherItSupport,
        SecurityOfficer,
        Admin,
        System,
    }

    private static readonly TransitionInput Complete = new(Role.ItSupport, "Please send the error text.", true);

    public static TheoryData<TicketStatus, TicketStatus, Actor> EveryMove()
    {
        var data = new TheoryData<TicketStatus, TicketStatus, Actor>();
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            foreach (var to in Enum.GetValues<TicketStatus>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    data.Add(from, to, actor);
                }
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(EveryMove))]
    public void Move_is_allowed_only_as_specified(TicketStatus from, TicketStatus to, Actor actor)
    {
        var expected = Expected(from, to, actor);

        var error = TicketWorkflow.Check(from, to, ToWorkflowActor(actor), Complete);

        Assert.Equal(expected, error is null);
    }

    [Theory, MemberData(nameof(EveryMove))]
    public void Offered_moves_match_the_check(TicketStatus from, TicketStatus to, Actor actor)
    {
        var offered = TicketWorkflow.Available(from, ToWorkflowActor(actor)).Any(t => t.To == to);

        var allowed = TicketWorkflow.Check(from, to, ToWorkflowActor(actor), Complete) is null;

        Assert.Equal(allowed, offered);
    }

    [Theory]
    [InlineData(Role.User)]
    [InlineData(Role.SecurityOfficer)]
    [InlineData(Role.Admin)]
    [InlineData(null)]
    public void Assigning_needs_an_it_support_assignee(Role? assigneeRole)
    {
        var input = new TransitionInput(assigneeRole);

        var error = TicketWorkflow.Check(TicketStatus.New, TicketStatus.Assigned, ToWorkflowActor(Actor.OtherItSupport), input);

        Assert.Equal("Choose an assignee who has the IT Support role.", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Waiting_for_user_needs_a_public_comment(string? text)
    {
        var error = TicketWorkflow.Check(
            TicketStatus.InProgress, TicketStatus.WaitingForUser, ToWorkflowActor(Actor.Assignee), new TransitionInput(Text: text));

        Assert.NotNull(error);
    }

    [Fact]
    public void Resolving_needs_a_resolution_note()
    {
        var error = TicketWorkflow.Check(
            TicketStatus.InProgress, TicketStatus.Resolved, ToWorkflowActor(Actor.Assignee), new TransitionInput(Text: " "));

        Assert.Equal("Write a resolution note; the requester sees it.", error);
    }

    [Fact]
    public void Reopening_after_the_window_is_refused()
    {
        var input = new TransitionInput(Text: "Still broken", WithinReopenWindow: false);

        var error = TicketWorkflow.Check(TicketStatus.Resolved, TicketStatus.InProgress, ToWorkflowActor(Actor.Requester), input);

        Assert.Equal("The reopen window has ended. File a new ticket that refers to this one.", error);
    }

    [Fact]
    public void Reopening_needs_a_reason()
    {
        var input = new TransitionInput(Text: "", WithinReopenWindow: true);

        var error = TicketWorkflow.Check(TicketStatus.Resolved, TicketStatus.InProgress, ToWorkflowActor(Actor.Requester), input);

        Assert.Equal("Give a reason for reopening the ticket.", error);
    }

    [Theory]
    [InlineData(TicketStatus.New, true)]
    [InlineData(TicketStatus.Assigned, true)]
    [InlineData(TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.WaitingForUser, true)]
    [InlineData(TicketStatus.Resolved, true)]
    [InlineData(TicketStatus.Closed, false)]
    public void Reassignment_is_allowed_at_open_statuses(TicketStatus status, bool allowed)
    {
        var error = TicketWorkflow.CheckReassign(status, ToWorkflowActor(Actor.OtherItSupport), Role.ItSupport);

        Assert.Equal(allowed, error is null);
    }

    [Theory]
    [InlineData(Actor.Requester)]
    [InlineData(Actor.SecurityOfficer)]
    [InlineData(Actor.System)]
    public void Reassignment_by_non_agents_is_refused(Actor actor)
    {
        var error = TicketWorkflow.CheckReassign(TicketStatus.InProgress, ToWorkflowActor(actor), Role.ItSupport);

        Assert.NotNull(error);
    }

    /// <summary>The workflow as the product description states it, written apart from the table.</summary>
    private static bool Expected(TicketStatus from, TicketStatus to, Actor actor)
    {
        var agent = actor is Actor.Assignee or Actor.OtherItSupport or Actor.Admin;
        return (from, to) switch
        {
            (TicketStatus.New, TicketStatus.Assigned) => agent,
            (TicketStatus.Assigned, TicketStatus.InProgress) => actor is Actor.Assignee or Actor.Admin,
            (TicketStatus.InProgress, TicketStatus.WaitingForUser) => agent,
            (TicketStatus.WaitingForUser, TicketStatus.InProgress) => agent || actor == Actor.Requester,
            (TicketStatus.InProgress, TicketStatus.Resolved) => agent,
            (TicketStatus.Resolved, TicketStatus.Closed) => actor is Actor.Requester or Actor.System,
            (TicketStatus.Resolved, TicketStatus.InProgress) => actor == Actor.Requester,
            _ => false,
        };
    }

    private static WorkflowActor ToWorkflowActor(Actor actor) => actor switch
    {
        Actor.Requester => new WorkflowActor(Role.User, IsRequester: true, IsAssignee: false),
        Actor.OtherUser => new WorkflowActor(Role.User, false, false),
        Actor.Assignee => new WorkflowActor(Role.ItSupport, false, IsAssignee: true),
        Actor.OtherItSupport => new WorkflowActor(Role.ItSupport, false, false),
        Actor.SecurityOfficer => new WorkflowActor(Role.SecurityOfficer, false, false),
        Actor.Admin => new WorkflowActor(Role.Admin, false, false),
        _ => WorkflowActor.System,
    };
}
