using System.Text.Json;

namespace AlertEngine.Reports.Render;

/// <summary>
/// The status page's only script: once a second it rewrites each clock that carries
/// <c>data-due</c> (Unix milliseconds) as time left or overdue, with the same templates and rounding
/// as <see cref="ReportLabels.TimeLeft"/>, which wrote the text on the server. No eval, no handlers,
/// nothing fetched; free of <c>&lt;</c> and <c>&amp;</c> so the page stays well-formed XML.
/// </summary>
internal static class CountdownScript
{
    private const string Template = """
        (function () {
          "use strict";
          var words = /*WORDS*/;
          function fill(template, a, b) {
            return template.replace("{0}", String(a)).replace("{1}", String(b));
          }
          function duration(ms) {
            var minutes = Math.floor(Math.abs(ms) / 60000);
            var hours = Math.floor(minutes / 60);
            if (hours >= 48) {
              return fill(words.daysHours, Math.floor(hours / 24), hours % 24);
            }
            if (hours > 0) {
              return fill(words.hoursMinutes, hours, (minutes % 60 > 9 ? "" : "0") + (minutes % 60));
            }
            return fill(words.minutes, minutes, "");
          }
          function tick() {
            var clocks = document.querySelectorAll("[data-due]");
            var now = Date.now();
            for (var i = 0; clocks.length > i; i++) {
              var left = Number(clocks[i].getAttribute("data-due")) - now;
              clocks[i].textContent = fill(left >= 0 ? words.left : words.overdue, duration(left), "");
              clocks[i].className = left >= 0 ? "clock" : "clock past";
            }
          }
          tick();
          setInterval(tick, 1000);
        }());
        """;

    /// <summary>The script with the words of <paramref name="labels"/> in it (as JSON, HTML-sensitive characters escaped).</summary>
    public static string For(ReportLabels labels)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["left"] = labels.Left,
            ["overdue"] = labels.Overdue,
            ["minutes"] = labels.Minutes,
            ["hoursMinutes"] = labels.HoursMinutes,
            ["daysHours"] = labels.DaysHours,
        };
        return Template.Replace("/*WORDS*/", JsonSerializer.Serialize(words), StringComparison.Ordinal);
    }
}
