using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace HelpdeskLite.Reports.Charts;

/// <summary>One bar: its label, value and the list page that the value counts.</summary>
public sealed record Bar(string Label, double Value, string? Url = null, string? ValueText = null)
{
    public string Shown => ValueText ?? Value.ToString("#,##0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// Draws a horizontal bar chart as inline SVG on the server, because the product runs without
/// scripts from elsewhere and its CSP allows no inline script. The SVG is decorative
/// (aria-hidden); the table drawn beside it by the caller is the text alternative.
/// </summary>
public static class BarChart
{
    private const int RowHeight = 22;
    private const int LabelWidth = 150;
    private const int BarWidth = 220;
    private const int ValueWidth = 60;

    public static IHtmlContent Render(string title, IReadOnlyList<Bar> bars)
    {
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var height = Math.Max(1, bars.Count) * RowHeight + 4;
        var width = LabelWidth + BarWidth + ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-hidden=\"true\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * RowHeight + 2;
            var length = max <= 0 ? 0 : Math.Round(bar.Value / max * BarWidth, 1);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\" fill=\"#33415c\">{Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length.ToString(CultureInfo.InvariantCulture)}\" height=\"{RowHeight - 8}\" rx=\"2\" fill=\"#1f5fbf\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth + length + 4}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1c2430\">{Encode(bar.Shown)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
