// Used by bin/test-katex: node check-pages.js KATEX_JS OUTPUT_DIR
"use strict";
const fs = require("fs");
const path = require("path");
const katex = require(process.argv[2]);
const dir = process.argv[3];

function unescape(text) {
  return text.replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
}

let spans = 0, problems = 0;
const pages = fs.readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
for (const page of pages) {
  const html = fs.readFileSync(path.join(dir, page), "utf8");
  const mathRE = /<span class="math (math-inline|math-display)">([\s\S]*?)<\/span>/g;
  let match;
  while ((match = mathRE.exec(html)) !== null) {
    spans++;
    const tex = unescape(match[2]);
    const report = (why) => {
      problems++;
      console.log(`${page}: ${why}: ${tex.length > 120 ? tex.slice(0, 120) + "…" : tex}`);
    };
    if (/(^|\n)[ \t]*>/.test(tex)) report("block-quote marker inside maths");
    try {
      katex.renderToString(tex, { displayMode: match[1] === "math-display", throwOnError: true });
    } catch (error) {
      report(`KaTeX: ${String(error.message).split("\n")[0]}`);
    }
  }
  // Prose: drop maths, code, pre, scripts, styles and SVG, then look for a leftover "$".
  const prose = html
    .replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<pre[\s\S]*?<\/pre>/g, "").replace(/<code[\s\S]*?<\/code>/g, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "").replace(mathRE, "")
    .replace(/<[^>]*>/g, " ");
  for (const line of unescape(prose).split("\n")) {
    if (line.includes("$")) {
      problems++;
      console.log(`${page}: stray $ in prose: ${line.trim().slice(0, 120)}`);
    }
  }
}
console.log(`${pages.length} pages, ${spans} maths spans, ${problems} problems`);
process.exit(problems > 0 ? 1 : 0);
