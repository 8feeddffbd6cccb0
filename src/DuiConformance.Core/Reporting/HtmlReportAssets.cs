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
        .lang-switch { position: sticky; top: 0; z-index: 2; max-width: 72rem; margin: 0 auto; padding: .5rem 1.25rem 0; text-align: right; }
        .lang-switch button { background: var(--paper); font-weight: 600; }
        details.check[data-alt-outcome="fail"] > summary { background: var(--fail-bg); }
        details.check[data-alt-outcome="error"] > summary { background: var(--error-bg); }
        .fix-first { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr); gap: 1rem; align-items: start; }
        .fix-first ol { margin: 0; padding-left: 1.4rem; } .fix-first li { margin: .25rem 0; }
        figure.chart.bars svg { width: 100%; height: auto; max-height: 14rem; }
        .scroll { overflow-x: auto; }
        table#matrix th[scope="col"] { font-size: .8rem; font-weight: 600; vertical-align: bottom; min-width: 7rem; }
        table#matrix td.cell { text-align: center; }
        table#matrix td.cell.fail { background: var(--fail-bg); } table#matrix td.cell.skip { background: var(--skip-bg); }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; margin: .75rem 0; }
        .total { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; display: flex; flex-direction: column; }
        .total .label { font-weight: 600; color: var(--muted); } .total .amount { font-size: 1.6rem; font-weight: 800; }
        .total.at-risk .amount { color: var(--fail); } .total.owner .amount { color: var(--pass); }
        .total .detail, .small { font-size: .85rem; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        tr.risk td { background: var(--skip-bg); }
        details.excerpt { margin: .25rem 0 .5rem; } details.excerpt summary { cursor: pointer; color: #0a58ca; }
        details.excerpt pre { max-height: 22rem; overflow: auto; background: var(--wash); border: 1px solid var(--line); border-radius: 6px; padding: .6rem; font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
        ul.notes { padding-left: 1.1rem; font-size: .92rem; }
        p.fix-hint { margin: .75rem 0 0; padding: .5rem .75rem; border-left: 4px solid var(--fail); background: var(--wash); }
        p.headline { font-size: 1.15rem; margin: 0 0 1rem; padding: .6rem .9rem; border-radius: 8px; background: var(--fail-bg); }
        table#requirements td:nth-child(4) { overflow-wrap: anywhere; } table#requirements td:nth-child(3) { white-space: nowrap; }
        .verification { font-weight: 600; color: var(--skip); }
        @media (max-width: 48rem) { .fix-first { grid-template-columns: 1fr; } }
        @media (max-width: 40rem) { .verdict { grid-template-columns: 1fr; } }
        @media print {
          body { background: #fff; font-size: 11pt; }
          section { border: none; padding: 0; margin: 0 0 1rem; }
          nav.contents, .controls, .lang-switch { display: none !important; }
          .lang-body[hidden] { display: none !important; }
          .scroll { overflow: visible; }
          .card, tr, details.check { break-inside: avoid; }
          details.check > summary { list-style: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    // Note: optional comfort only; without script every <details> still opens by hand and print opens them all.
    public const string Script = """
        (function () {
          var bodies = Array.prototype.slice.call(document.querySelectorAll('.lang-body'));
          bodies.forEach(function (body) {
            var controls = body.querySelector('.controls');
            if (!controls) { return; }
            controls.hidden = false;
            var checks = function () { return Array.prototype.slice.call(body.querySelectorAll('details.check')); };
            var setOpen = function (open) { checks().forEach(function (d) { d.open = open; }); };
            var buttons = controls.querySelectorAll('button');
            buttons[0].addEventListener('click', function () { setOpen(true); });
            buttons[1].addEventListener('click', function () { setOpen(false); });
            var problemsOnly = controls.querySelector('input[type=checkbox]');
            problemsOnly.addEventListener('change', function () {
              checks().forEach(function (d) {
                var outcome = d.getAttribute('data-outcome') || d.getAttribute('data-alt-outcome');
                d.hidden = problemsOnly.checked && (outcome === 'pass' || outcome === 'omit');
              });
            });
          });
          var switcher = document.getElementById('lang-switch');
          if (switcher && bodies.length === 2) {
            switcher.parentNode.hidden = false;
            var labels = [switcher.textContent, switcher.getAttribute('data-label-other')];
            switcher.addEventListener('click', function () {
              bodies.forEach(function (b) { b.hidden = !b.hidden; });
              var shown = bodies[0].hidden ? bodies[1] : bodies[0];
              document.documentElement.lang = shown.getAttribute('lang');
              switcher.textContent = bodies[0].hidden ? labels[1] : labels[0];
              window.scrollTo(0, 0);
            });
          }
          window.addEventListener('beforeprint', function () {
            Array.prototype.slice.call(document.querySelectorAll('details.check')).forEach(function (d) { d.open = true; });
          });
        })();
        """;
}
