using HelpdeskLite.Reports;
using HelpdeskLite.Reports.Excel;

namespace HelpdeskLite.Pages.Reports;

/// <summary>The sheets of the ticket report workbook, one per table of the report page.</summary>
public static class TicketReportSheets
{
    public static void Add(ReportWorkbook workbook, TicketReportResult result)
    {
        Counts(workbook, "Volume by type", "Request type", result.ByType);
        Counts(workbook, "Volume by priority", "Priority", result.ByPriority);
        Counts(workbook, "Volume by month", "Month", result.ByMonth);
        Compliance(workbook, "SLA by priority", "Priority", result.SlaByPriority);
        Compliance(workbook, "SLA by type", "Request type", result.SlaByType);
        Compliance(workbook, "SLA by agent", "Agent", result.SlaByAgent);
        Compliance(workbook, "SLA by month", "Month", result.SlaByMonth);
        Counts(workbook, "Backlog by age", "Age", result.BacklogByAge);
        workbook.AddSheet("Resolution",
            [new("Tickets", ColumnFormat.Count), new("Resolved", ColumnFormat.Count),
                new("Mean time to resolve", ColumnFormat.Duration), new("Median time to resolve", ColumnFormat.Duration),
                new("Reopened", ColumnFormat.Count), new("Reopen rate", ColumnFormat.Percent)],
            [[result.Total, result.Resolved, result.MeanTimeToResolve, result.MedianTimeToResolve,
                result.Reopened, result.ReopenRate]]);
    }

    public static void Counts(ReportWorkbook workbook, string sheet, string label, IReadOnlyList<CountRow> rows) =>
        workbook.AddSheet(sheet, [new(label), new("Count", ColumnFormat.Count)],
            rows.Select(r => new object?[] { r.Label, r.Count }));

    private static void Compliance(ReportWorkbook workbook, string sheet, string label, IReadOnlyList<ComplianceRow> rows) =>
        workbook.AddSheet(sheet,
            [new(label), new("First response decided", ColumnFormat.Count), new("First response met", ColumnFormat.Count),
                new("First response % met", ColumnFormat.Percent), new("Resolution decided", ColumnFormat.Count),
                new("Resolution met", ColumnFormat.Count), new("Resolution % met", ColumnFormat.Percent)],
            rows.Select(r => new object?[]
            {
                r.Label, r.ResponseDecided, r.ResponseMet, r.ResponsePercent, r.ResolutionDecided, r.ResolutionMet,
                r.ResolutionPercent,
            }));
}

/// <summary>The sheets of the incident report workbook.</summary>
public static class IncidentReportSheets
{
    public static void Add(ReportWorkbook workbook, IncidentReportResult result)
    {
        TicketReportSheets.Counts(workbook, "By category", "Category", result.ByCategory);
        TicketReportSheets.Counts(workbook, "By severity", "Severity", result.BySeverity);
        TicketReportSheets.Counts(workbook, "By month", "Month", result.ByMonth);
        TicketReportSheets.Counts(workbook, "Open by phase", "Phase", result.OpenByPhase);
        workbook.AddSheet("Response times",
            [new("Incidents", ColumnFormat.Count), new("Mean time to triage", ColumnFormat.Duration),
                new("Mean time to contain", ColumnFormat.Duration), new("Mean time to recover", ColumnFormat.Duration),
                new("Corrective actions overdue", ColumnFormat.Count)],
            [[result.Total, result.MeanTimeToTriage, result.MeanTimeToContain, result.MeanTimeToRecover,
                result.CorrectiveActionsOverdue]]);
    }
}
