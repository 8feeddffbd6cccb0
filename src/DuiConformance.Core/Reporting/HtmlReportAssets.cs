namespace DuiConformance.Core.Reporting;

/// <summary>
/// The inline style sheet and the small optional script of report.html: the file must stand alone (no external
/// resource) and read fully without script.
/// </summary>
internal static class HtmlReportAssets
{
    // Note: colours meet WCAG AA contrast on their tinted backgrounds; every status also has a word and a symbol.
    public const string Style = """
        :root {
          --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa;
          --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b42318; --fail-bg: #ffebe9;
          --skip: #8a4b00; --skip-bg: #fff4d6; --error: #6e40c9; --error-bg: #f3edff;
          --omit: #59636e; --omit-bg: #eef1f4;
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: var(--wash); }
        header.page, main, footer.page { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
        header.page { padding-top: 1.5rem; }
        header.page h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
        .muted { color: var(--muted); }
        nav.contents ul { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem 1.5rem; margin: 1.25rem 0; }
        h2 { margin-top: 0; font-size: 1.35rem; }
        h3 { font-size: 1.1rem; }
        a { color: #0a58ca; }
        code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash); padding: 0 .25em; border-radius: 4px; overflow-wrap: anywhere; }
        .verdict { display: grid; grid-template-columns: minmax(0, 2fr) minmax(12rem, 1fr); gap: 1.5rem; align-items: center; border-left-width: 10px; }
        .verdict.yes { border-left-color: var(--pass); } .verdict.no { border-left-color: var(--fail); }
        .verdict.not-yet { border-left-color: var(--skip); } .verdict.undetermined { border-left-color: var(--error); }
        .verdict.nothing-applicable { border-left-color: var(--omit); }
        .verdict .answer { font-size: 2.6rem; font-weight: 800; line-height: 1.1; margin: .25rem 0 .5rem; }
        .verdict.yes .answer { color: var(--pass); } .verdict.no .answer { color: var(--fail); }
        .verdict.not-yet .answer { color: var(--skip); } .verdict.undetermined .answer { color: var(--error); }
        .verdict ul.counts { padding-left: 1.1rem; margin: .75rem 0 0; }
        figure.chart { margin: 0; text-align: center; }
        figure.chart svg { width: 11rem; height: 11rem; }
        figure.chart ul { list-style: none; padding: 0; margin: .5rem 0 0; text-align: left; display: inline-block; }
        .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; vertical-align: baseline; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--line); border-top: 8px solid var(--omit); border-radius: 8px; padding: .9rem 1rem; background: var(--paper); }
        .card h3 { margin: 0 0 .4rem; }
        .card.ready { border-top-color: var(--pass); } .card.at-risk { border-top-color: var(--skip); }
        .card.blocked { border-top-color: var(--fail); } .card.not-applicable { border-top-color: var(--omit); }
        .card ul { padding-left: 1.1rem; margin: .25rem 0 .5rem; }
        .status, .badge { display: inline-block; font-weight: 700; border-radius: 999px; padding: .05rem .65rem; white-space: nowrap; }
        .status.ready, .badge.pass { color: var(--pass); background: var(--pass-bg); }
        .status.at-risk, .badge.skip { color: var(--skip); background: var(--skip-bg); }
        .status.blocked, .badge.fail { color: var(--fail); background: var(--fail-bg); }
        .badge.error { color: var(--error); background: var(--error-bg); }
        .status.not-applicable, .badge.omit { color: var(--omit); background: var(--omit-bg); }
        table { width: 100%; border-collapse: collapse; margin: .5rem 0; }
        caption { text-align: left; color: var(--muted); padding-bottom: .35rem; }
        th, td { text-align: left; vertical-align: top; padding: .45rem .55rem; border-bottom: 1px solid var(--line); }
        thead th { background: var(--wash); }
        tbody th { font-weight: 600; white-space: nowrap; }
        details.check { border: 1px solid var(--line); border-radius: 8px; margin: .6rem 0; background: var(--paper); }
        details.check > summary { cursor: pointer; padding: .6rem .8rem; list-style-position: inside; }
        details.check[data-outcome="fail"] > summary { background: var(--fail-bg); }
        details.check[data-outcome="error"] > summary { background: var(--error-bg); }
        details.check .body { padding: .25rem 1rem 1rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
        dl.facts dt { font-weight: 600; color: var(--muted); }
        dl.facts dd { margin: 0; }
        .controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-bottom: .5rem; }
        button { font: inherit; padding: .25rem .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--wash); cursor: pointer; }
        footer.page { padding-bottom: 2rem; }
        @media (max-width: 40rem) { .verdict { grid-template-columns: 1fr; } }
        @media print {
          body { background: #fff; font-size: 11pt; }
          section { border: none; padding: 0; margin: 0 0 1rem; }
          nav.contents, .controls { display: none !important; }
          .card, tr, details.check { break-inside: avoid; }
          details.check > summary { list-style: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    // Note: optional comfort only; without script every <details> still opens by hand and print opens them all.
    public const string Script = """
        (function () {
          var controls = document.getElementById('check-controls');
          if (!controls) { return; }
          controls.hidden = false;
          var checks = function () { return Array.prototype.slice.call(document.querySelectorAll('details.check')); };
          var setOpen = function (open) { checks().forEach(function (d) { d.open = open; }); };
          document.getElementById('expand-all').addEventListener('click', function () { setOpen(true); });
          document.getElementById('collapse-all').addEventListener('click', function () { setOpen(false); });
          var problemsOnly = document.getElementById('problems-only');
          problemsOnly.addEventListener('change', function () {
            checks().forEach(function (d) {
              var fine = d.getAttribute('data-outcome') === 'pass' || d.getAttribute('data-outcome') === 'omit';
              d.hidden = problemsOnly.checked && fine;
            });
          });
          window.addEventListener('beforeprint', function () { setOpen(true); });
        })();
        """;
}
