import type { PreviewError, PreviewProblem } from './problems.js';

/**
 * What `/email.html` serves (with status 500) while the email cannot be
 * rendered: every problem with its file, line and fix, in the shape editors
 * can jump to. It says that the preview is still running.
 */
export function errorPage(error: PreviewError): string {
  const count = error.problems.length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gazette preview: the email cannot be rendered</title>
<style>
body{margin:0;padding:24px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#fff8f7}
h1{margin:0 0 4px;font-size:18px;color:#a40e26}
p{margin:0 0 16px;color:#57606a}
ol{margin:0;padding:0;list-style:none}
li{margin:0 0 12px;padding:12px 14px;border:1px solid #f0c4c4;border-left:4px solid #cf222e;border-radius:6px;background:#fff;overflow-wrap:anywhere}
.where{font:600 13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#1f2328}
.problem,.fix{white-space:pre-wrap}
.fix{margin-top:4px;color:#1a7f37}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
</style>
</head>
<body>
<h1>The email cannot be rendered: ${count === 1 ? '1 problem' : `${count} problems`} to fix</h1>
<p>The preview is still running and shows the email again as soon as the files are fixed and saved. <code>${escapeHtml(error.code)}</code></p>
<ol>
${error.problems.map(problemItem).join('\n')}
</ol>
</body>
</html>
`;
}

function problemItem(p: PreviewProblem): string {
  const where = p.file === undefined ? '' : `<div class="where">${escapeHtml(p.line === undefined ? p.file : `${p.file}:${p.line}`)}</div>`;
  const fix = p.fix === undefined ? '' : `<div class="fix">Fix: ${escapeHtml(p.fix)}</div>`;
  return `<li>${where}<div class="problem">${escapeHtml(p.problem)}</div>${fix}</li>`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
