/// `assets/workbook.css`, the one stylesheet of every page: laptop, phone (nothing wider than
/// the screen; code and outputs scroll in their own boxes) and paper (no navigation, nothing cut).
enum Stylesheet {
    static let css = """
        :root {
          --text: #1f2328; --muted: #59636e; --paper: #fdfdfb; --rule: #d8dee4;
          --code-bg: #f6f8fa; --out-bg: #ffffff;
          --good: #1a7f37; --bad: #b42318; --bad-bg: #fff4f2; --quiet: #6e7781;
          --kw: #8250df; --type: #0550ae; --str: #a2400f; --com: #6e7781; --num: #116329;
          --attr: #953800; --dir: #8a4600;
          --mono: ui-monospace, "SF Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--paper); color: var(--text);
          font: 17px/1.6 Charter, "Bitstream Charter", "Iowan Old Style", Georgia, serif;
          overflow-wrap: break-word;
        }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
        h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          line-height: 1.25; margin: 2rem 0 0.75rem; }
        h1 { font-size: 1.9rem; margin-top: 1rem; }
        h2 { font-size: 1.4rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
        a { color: #0b57d0; }
        img, svg, video { max-width: 100%; height: auto; }
        table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
        th, td { border: 1px solid var(--rule); padding: 0.25rem 0.6rem; }
        code, pre, kbd { font-family: var(--mono); font-size: 0.86em; }
        p code, li code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
        pre { margin: 0; padding: 0.7rem 0.9rem; overflow-x: auto; line-height: 1.45;
          white-space: pre; tab-size: 4; }
        blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--rule); color: var(--muted); }

        /* Navigation */
        .site-nav { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; align-items: baseline;
          max-width: 46rem; margin: 0 auto; padding: 0.8rem 1.25rem; border-bottom: 1px solid var(--rule);
          font: 0.92rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        .site-nav a { text-decoration: none; }
        .site-nav a:hover { text-decoration: underline; }
        .nav-next { margin-left: auto; }

        /* Math */
        .math-display { display: block; overflow-x: auto; overflow-y: hidden; margin: 1rem 0; }
        .katex-display { margin: 0; }
        .inline-value { font-family: var(--mono); font-size: 0.9em; background: #eef6ee;
          padding: 0.05em 0.3em; border-radius: 4px; }
        .inline-missing { font: italic 0.85em system-ui, sans-serif; color: var(--bad);
          border: 1px dashed var(--bad); padding: 0 0.3em; border-radius: 4px; white-space: nowrap; }
        .inline-missing::before { content: "⚠ "; }

        /* Cells */
        .cell { margin: 1.2rem 0; border: 1px solid var(--rule); border-radius: 8px;
          background: var(--code-bg); overflow: hidden; }
        .cell-head { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: center;
          padding: 0.35rem 0.9rem; border-bottom: 1px solid var(--rule); background: #eef1f4;
          font: 0.82rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        .cell-label { font-weight: 600; }
        .cell-time { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
        .cell-note { margin: 0; padding: 0.4rem 0.9rem; font: 0.85rem/1.4 system-ui, sans-serif; color: var(--muted); }
        .status-tag { font-weight: 600; white-space: nowrap; }
        .tone-good { color: var(--good); }
        .tone-bad { color: var(--bad); }
        .check-result { padding: 0.4rem 0.9rem; font: 0.9rem/1.4 system-ui, sans-serif; font-weight: 600; }
        .check-failures { margin: 0.3rem 0 0; padding-left: 1.2rem; font-weight: 400; color: var(--text); }
        .tone-quiet { color: var(--quiet); }
        .cell.status-not-run .source, .cell.status-skipped .source { opacity: 0.7; }
        .cell.status-crashed, .cell.status-timed-out, .cell.status-compile-error,
        .cell.status-compiled-unexpectedly { border-color: #e8a29a; }
        .outputs { background: var(--out-bg); border-top: 1px solid var(--rule); }
        .outputs > * + * { border-top: 1px dashed var(--rule); }
        .stdout { color: var(--text); }
        .stderr { background: #fffaf0; }
        .stderr pre { color: #7a4b00; }
        .stream-label { display: block; padding: 0.3rem 0.9rem 0; color: var(--muted);
          font: 600 0.72rem/1.2 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.05em; }
        .trap, .notice { margin: 0; padding: 0.5rem 0.9rem; font: 0.9rem/1.4 var(--mono); }
        .trap { color: var(--bad); background: var(--bad-bg); font-weight: 600; }
        .trap::before { content: "✗ "; }
        .crash-report { padding: 0.3rem 0.9rem 0.5rem; background: var(--bad-bg); }
        .crash-report summary { cursor: pointer; color: var(--muted); font: 0.8rem/1.6 system-ui, sans-serif; }
        .crash-report pre { padding: 0.4rem 0; font-size: 0.75rem; color: var(--muted); }
        .notice { color: var(--muted); font-style: italic; background: var(--code-bg); }
        .diagnostics { list-style: none; margin: 0; padding: 0.5rem 0.9rem; background: var(--bad-bg);
          font: 0.85rem/1.45 var(--mono); overflow-x: auto; }
        main > .diagnostics { border: 1px solid #e8a29a; border-radius: 8px; }
        .diagnostic { white-space: pre-wrap; }
        .diagnostic.severity-error { color: var(--bad); }
        .diagnostic.severity-warning { color: #8a4600; }
        .diagnostic.severity-note { color: var(--muted); }
        .display { margin: 0; padding: 0.7rem 0.9rem; }
        .display-body { overflow-x: auto; }
        .display-body svg { display: block; max-width: 100%; height: auto; }
        .display-text summary { cursor: pointer; color: var(--muted);
          font: 0.8rem/1.6 system-ui, sans-serif; }
        .display-text pre { background: var(--code-bg); border-radius: 4px; margin-top: 0.3rem; }
        /* Course plots: <figure class="wb-plot"> + SVG. A figure's default 40px side margins
           squeeze a plot to two thirds of a phone; the SVG caps its own width (480px), so on a
           laptop it sits centred. */
        .wb-plot { margin: 0 auto; max-width: 40rem; }
        .wb-plot svg { display: block; margin: 0 auto; }
        .chapter-status { padding: 0.6rem 0.9rem; border: 1px solid #e8a29a; border-radius: 8px;
          background: var(--bad-bg); font: 600 0.95rem/1.4 system-ui, sans-serif; }
        .chapter-timing { color: var(--muted); font: 0.85rem system-ui, sans-serif; }

        /* Syntax colours */
        .hl-kw { color: var(--kw); }
        .hl-type { color: var(--type); }
        .hl-str { color: var(--str); }
        .hl-com { color: var(--com); font-style: italic; }
        .hl-num { color: var(--num); }
        .hl-attr { color: var(--attr); }
        .hl-dir { color: var(--dir); }

        /* Index */
        .index-summary { color: var(--muted); }
        .chapter-list { padding-left: 1.6rem; }
        .chapter-entry { margin: 0.6rem 0; }
        .chapter-entry a { font-weight: 600; }
        .chapter-entry .status-tag, .chapter-entry .counts { display: inline-block; margin-left: 0.6rem;
          font: 0.85rem/1.4 system-ui, sans-serif; }
        .chapter-entry .counts { color: var(--muted); }

        @media (max-width: 480px) {
          body { font-size: 16px; }
          main { padding: 0.75rem 0.8rem 3rem; }
          .site-nav { padding: 0.6rem 0.8rem; }
          h1 { font-size: 1.6rem; }
          pre { padding: 0.6rem 0.7rem; }
          .display { padding: 0.6rem 0.4rem; }
        }

        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          .site-nav { display: none; }
          pre, .diagnostics { white-space: pre-wrap; overflow: visible; overflow-wrap: anywhere; }
          .cell { break-inside: avoid; border-color: #999; overflow: visible; }
          .display-body { overflow: visible; }
          .wb-plot { break-inside: avoid; }
          .display-text, .crash-report { display: none; }
          a { color: inherit; }
        }

        """
}
