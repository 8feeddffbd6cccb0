using System.Globalization;
using System.Text;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The inline SVG donut of check outcomes on report.html's first screen, with a text legend so the numbers do not
/// depend on seeing the colours.
/// </summary>
internal static class HtmlDonutChart
{
    // Note: a circle of radius 100/(2π) has a circumference of 100, so dash lengths are percentages.
    private const double Radius = 15.915494309189533;

    private static readonly (string Outcome, string Colour)[] Segments =
    [
        ("pass", "#1a7f37"),
        ("fail", "#b42318"),
        ("skip", "#bf8700"),
        ("error", "#6e40c9"),
        ("omit", "#8c959f"),
    ];

    public static void Render(StringBuilder html, RunReport report, ReportTexts texts)
    {
        var counts = Segments.Select(segment => (segment.Outcome, segment.Colour, Count: report.Checks.Count(check => check.Outcome == segment.Outcome))).ToList();
        var total = counts.Sum(segment => segment.Count);
        html.Append("<figure class=\"chart\" id=\"check-chart\">\n");
        html.Append("<svg viewBox=\"0 0 42 42\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n");
        html.Append("<title id=\"chart-title\">").Append(SafeText.Html(texts.ChartHeading)).Append("</title>\n");
        html.Append("<desc id=\"chart-desc\">").Append(SafeText.Html(texts.ChartDescription(total)));
        foreach (var (outcome, _, count) in counts.Where(segment => segment.Count > 0))
        {
            html.Append(' ').Append(SafeText.Html(texts.Outcome(outcome))).Append(texts.Colon).Append(Number(count)).Append('.');
        }

        html.Append("</desc>\n");
        html.Append("<circle cx=\"21\" cy=\"21\" r=\"").Append(Number(Radius)).Append("\" fill=\"none\" stroke=\"#eef1f4\" stroke-width=\"6\"/>\n");
        if (total > 0)
        {
            var offset = 0.0;
            foreach (var (outcome, colour, count) in counts.Where(segment => segment.Count > 0))
            {
                var share = 100.0 * count / total;
                // Note: dashoffset 25 starts the first segment at 12 o'clock; each next one starts where the last ended.
                html.Append("<circle class=\"segment ").Append(outcome).Append("\" cx=\"21\" cy=\"21\" r=\"").Append(Number(Radius))
                    .Append("\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"6\" stroke-dasharray=\"")
                    .Append(Number(share)).Append(' ').Append(Number(100 - share)).Append("\" stroke-dashoffset=\"")
                    .Append(Number(25 - offset)).Append("\"><title>").Append(SafeText.Html(texts.Outcome(outcome))).Append(texts.Colon)
                    .Append(Number(count)).Append("</title></circle>\n");
                offset += share;
            }
        }

        html.Append("<text x=\"21\" y=\"23.5\" text-anchor=\"middle\" font-size=\"8\" font-weight=\"700\" fill=\"#1f2328\">")
            .Append(Number(total)).Append("</text>\n");
        html.Append("</svg>\n<figcaption class=\"muted\">").Append(SafeText.Html(texts.ChartHeading)).Append("</figcaption>\n<ul>\n");
        foreach (var (outcome, colour, count) in counts)
        {
            html.Append("<li data-outcome=\"").Append(outcome).Append("\"><span class=\"swatch\" style=\"background:").Append(colour)
                .Append("\" aria-hidden=\"true\"></span>").Append(SafeText.Html(texts.Outcome(outcome))).Append(texts.Colon)
                .Append("<strong>").Append(Number(count)).Append("</strong></li>\n");
        }

        html.Append("</ul>\n</figure>\n");
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
