namespace AlertEngine.Reports.Render;

/// <summary>
/// The one stylesheet of the handover report and the status page: system fonts of at least 14px,
/// tables that scroll sideways on a phone, a colour per level, and a print layout without
/// backgrounds that keeps each section on one page where it fits. Free of <c>&lt;</c> and <c>&amp;</c>
/// so that the page stays well-formed XML.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 0.75rem; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1d2329; background: #f6f7f9; }
        header { border-bottom: 3px solid #1d2329; margin-bottom: 1rem; }
        h1 { font-size: 1.5rem; margin: 0.25rem 0; }
        h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
        h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
        p, li, td, th, dd, dt { font-size: 15px; }
        .meta { color: #4a5560; margin: 0.25rem 0 0.5rem; }
        section { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 0.75rem; margin: 0 0 1rem; }
        .counts { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; }
        .counts div { border: 1px solid #dde1e6; border-radius: 6px; padding: 0.4rem 0.6rem; min-width: 7.5rem; }
        .counts dt { color: #4a5560; }
        .counts dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; min-width: 36rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e6e9ed; }
        th { background: #eef1f4; white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .level { display: inline-block; min-width: 2.2em; text-align: center; border-radius: 4px; color: #fff; font-weight: 600; font-size: 14px; padding: 0 0.3em; }
        .L1 { background: #d32f2f; } .L2 { background: #ef6c00; } .L3 { background: #f9a825; color: #1d2329; } .L4 { background: #607d8b; }
        .clock { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .past, .breached { color: #b71c1c; font-weight: 600; }
        .met { color: #2e7d32; }
        .banner { background: #fff3cd; border: 2px solid #d39e00; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0 0 1rem; }
        .banner ul { margin: 0; padding-left: 1.2rem; }
        .quiet { font-size: 1.2rem; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
        figure { margin: 0.5rem 0; flex: 1 1 20rem; }
        figcaption { color: #4a5560; font-size: 14px; }
        svg.chart { width: 100%; height: auto; max-height: 18rem; }
        svg.chart text { font: 12px system-ui, sans-serif; fill: #1d2329; }
        @media (max-width: 40rem) { body { padding: 0.4rem; } section { padding: 0.5rem; } }
        @media print {
          body { background: none; color: #000; max-width: none; }
          section, .banner { background: none; border: 1px solid #999; page-break-inside: avoid; break-inside: avoid; }
          th { background: none; }
          .level { background: none; color: #000; border: 1px solid #000; }
          .scroll { overflow: visible; }
          table { min-width: 0; }
        }
        """;
}
