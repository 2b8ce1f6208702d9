using HelpdeskLite.Incidents;
using LinqToDB;

namespace HelpdeskLite.Data;

public sealed partial class HelpdeskDb
{
    public ITable<Incident> Incidents => this.GetTable<Incident>();

    public ITable<IncidentAsset> IncidentAssets => this.GetTable<IncidentAsset>();

    public ITable<TimelineEntry> IncidentTimeline => this.GetTable<TimelineEntry>();

    public ITable<Evidence> IncidentEvidence => this.GetTable<Evidence>();

    public ITable<IncidentTask> IncidentTasks => this.GetTable<IncidentTask>();

    public ITable<Observable> IncidentObservables => this.GetTable<Observable>();

    public ITable<PlaybookStep> PlaybookSteps => this.GetTable<PlaybookStep>();

    public ITable<IncidentCounter> IncidentCounter => this.GetTable<IncidentCounter>();
}
