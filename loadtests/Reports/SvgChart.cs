using System.Globalization;
using System.Net;
using System.Text;

namespace Testbed.LoadTests.Reports;

/// <summary>Small inline SVG charts, so the HTML report needs no script or network.</summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 56;
    private const int Bottom = 28;
    private const int Top = 12;
    private const int Right = 12;

    /// <summary>A line chart of one or more series over the same x axis (seconds).</summary>
    public static string Lines(string title, string yUnit, IReadOnlyList<(string Name, string Color, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        var points = series.SelectMany(s => s.Points).Where(p => !double.IsNaN(p.Y)).ToList();
        var maxX = Math.Max(1, points.Count > 0 ? points.Max(p => p.X) : 1);
        var maxY = Nice(points.Count > 0 ? points.Max(p => p.Y) : 1);
        var svg = Open(title);
        Axes(svg, maxX, maxY, yUnit, "s");
        foreach (var (name, color, line) in series)
        {
            var path = string.Join(' ', line.Where(p => !double.IsNaN(p.Y)).Select(p => $"{X(p.X, maxX)},{Y(p.Y, maxY)}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.8\" points=\"{path}\"><title>{WebUtility.HtmlEncode(name)}</title></polyline>");
        }

        var legendX = Left + 8;
        foreach (var (name, color, _) in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{Top + 2}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{legendX + 14}\" y=\"{Top + 11}\" font-size=\"11\">{WebUtility.HtmlEncode(name)}</text>");
            legendX += 24 + (name.Length * 7);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A bar chart of counts per labelled bucket.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double Value)> bars)
    {
        var maxY = Nice(bars.Count > 0 ? bars.Max(b => b.Value) : 1);
        var svg = Open(title);
        Axes(svg, 0, maxY, "count", null);
        var slot = (Width - Left - Right) / (double)Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var x = Left + (i * slot) + 2;
            var y = Y(bars[i].Value, maxY);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.0}\" y=\"{y:0.0}\" width=\"{slot - 4:0.0}\" height=\"{Height - Bottom - y:0.0}\" fill=\"#3355cc\"><title>{WebUtility.HtmlEncode(bars[i].Label)}: {bars[i].Value}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (slot / 2) - 2:0.0}\" y=\"{Height - 10}\" font-size=\"10\" text-anchor=\"middle\">{WebUtility.HtmlEncode(bars[i].Label)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>");

    private static void Axes(StringBuilder svg, double maxX, double maxY, string yUnit, string? xUnit)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#999\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#999\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var value = maxY * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Y(value, maxY) + 4:0.0}\" font-size=\"10\" text-anchor=\"end\">{value:0.#}</text><line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(value, maxY):0.0}\" y2=\"{Y(value, maxY):0.0}\" stroke=\"#eee\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Top + 8}\" font-size=\"10\">{WebUtility.HtmlEncode(yUnit)}</text>");
        if (xUnit is not null)
        {
            for (var i = 0; i <= 4; i++)
            {
                var value = maxX * i / 4;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(value, maxX):0.0}\" y=\"{Height - 10}\" font-size=\"10\" text-anchor=\"middle\">{value:0}{xUnit}</text>");
            }
        }
    }

    private static double X(double x, double maxX) => Left + (x / maxX * (Width - Left - Right));

    private static double Y(double y, double maxY) => Height - Bottom - (y / maxY * (Height - Bottom - Top - 16));

    private static double Nice(double max)
    {
        if (max <= 0 || double.IsNaN(max))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(v => v >= max);
    }
}
