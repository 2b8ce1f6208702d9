using System.Globalization;
using HelpdeskLite.Data;
using LinqToDB;

namespace HelpdeskLite.Tickets;

/// <summary>The priority matrix (impact × urgency) and the auto-close delay, kept in the settings table.</summary>
public sealed record TicketSettings(IReadOnlyDictionary<(Level Impact, Level Urgency), Priority> Matrix, int AutoCloseBusinessDays)
{
    public const string MatrixKey = "tickets.priority_matrix";
    public const string AutoCloseKey = "tickets.auto_close_business_days";
    public const int DefaultAutoCloseDays = 5;

    public static readonly TicketSettings Default = new(DefaultMatrix(), DefaultAutoCloseDays);

    public Priority PriorityFor(Level impact, Level urgency) =>
        Matrix.TryGetValue((impact, urgency), out var priority) ? priority : Priority.Medium;

    public static TicketSettings Load(HelpdeskDb db)
    {
        var values = db.Settings.Where(s => s.Key == MatrixKey || s.Key == AutoCloseKey)
            .ToDictionary(s => s.Key, s => s.Value);
        var matrix = values.TryGetValue(MatrixKey, out var text) ? ParseMatrix(text) ?? DefaultMatrix() : DefaultMatrix();
        var days = values.TryGetValue(AutoCloseKey, out var daysText)
            && int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : DefaultAutoCloseDays;
        return new TicketSettings(matrix, days);
    }

    /// <summary>Formats the matrix as "Low/Low=Low; Low/Medium=Low; ..." (impact/urgency=priority).</summary>
    public static string FormatMatrix(IReadOnlyDictionary<(Level Impact, Level Urgency), Priority> matrix) =>
        string.Join("; ", matrix.OrderBy(p => p.Key).Select(p => $"{p.Key.Impact}/{p.Key.Urgency}={p.Value}"));

    public static Dictionary<(Level, Level), Priority>? ParseMatrix(string text)
    {
        var matrix = new Dictionary<(Level, Level), Priority>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', '/');
            if (pieces.Length != 3
                || !Enum.TryParse<Level>(pieces[0], out var impact) || !Enum.IsDefined(impact)
                || !Enum.TryParse<Level>(pieces[1], out var urgency) || !Enum.IsDefined(urgency)
                || !Enum.TryParse<Priority>(pieces[2], out var priority) || !Enum.IsDefined(priority))
            {
                return null;
            }

            matrix[(impact, urgency)] = priority;
        }

        return matrix.Count == 9 ? matrix : null;
    }

    private static Dictionary<(Level, Level), Priority> DefaultMatrix() => new()
    {
        [(Level.Low, Level.Low)] = Priority.Low,
        [(Level.Low, Level.Medium)] = Priority.Low,
        [(Level.Low, Level.High)] = Priority.Medium,
        [(Level.Medium, Level.Low)] = Priority.Low,
        [(Level.Medium, Level.Medium)] = Priority.Medium,
        [(Level.Medium, Level.High)] = Priority.High,
        [(Level.High, Level.Low)] = Priority.Medium,
        [(Level.High, Level.Medium)] = Priority.High,
        [(Level.High, Level.High)] = Priority.Critical,
    };
}
