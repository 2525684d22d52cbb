/**
 * The preview page, served at `/`: our own small page, no framework. It
 * shows the email at 600 px and 375 px (two frames of /email.html), the
 * inbox row (sender, subject, preheader), the text part and the check
 * results, and follows /events: on a new version it reloads the frames in
 * place, keeping each frame's scroll position, and refreshes the panels
 * from /status.json. While the email cannot be rendered, the problems are
 * shown in place of the frames.
 */
export function previewPage(): string {
  return PAGE;
}

const STYLE = `
:root{color-scheme:light;--line:#d0d7de;--muted:#656d76;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:var(--bg)}
header{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:10px 20px;background:#fff;border-bottom:1px solid var(--line)}
header h1{margin:0;font-size:15px}
#live{font-size:12px;color:var(--muted)}
#live::before{content:"";display:inline-block;width:8px;height:8px;margin-right:6px;border-radius:50%;background:#8c959f}
[data-live="live"] #live::before{background:#1a7f37}
[data-live="offline"] #live::before{background:#cf222e}
[data-state="error"] #live::before{background:#bf8700}
#meta{color:var(--muted);font-size:12px}
header label{margin-left:auto;cursor:pointer;user-select:none}
main{padding:16px 20px 40px}
section{margin:0 0 24px}
h2{margin:0 0 8px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.inbox{display:flex;align-items:center;gap:12px;max-width:1000px;padding:10px 14px;background:#fff;border:1px solid var(--line);border-radius:8px}
#avatar{flex:none;display:grid;place-items:center;width:36px;height:36px;border-radius:50%;background:#0b5c7a;color:#fff;font-weight:600}
.inbox .lines{min-width:0;flex:1}
.inbox .top{display:flex;justify-content:space-between;gap:12px}
#from{font-weight:600}
#date{color:var(--muted);font-size:12px;white-space:nowrap}
.inbox .bottom{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
#subject{font-weight:600}
#preheader{color:var(--muted)}
#preheader:not(:empty)::before{content:" \\2014  "}
.frames{display:flex;flex-wrap:wrap;align-items:flex-start;gap:24px}
figure{margin:0}
figcaption{margin:0 0 6px;color:var(--muted);font-size:12px}
iframe{box-sizing:content-box;display:block;height:max(480px,calc(100vh - 250px));border:1px solid var(--line);background:#fff}
iframe[data-width="600"]{width:600px}
iframe[data-width="375"]{width:375px}
#error{max-width:1000px;padding:14px 16px;background:#fff8f7;border:1px solid #f0c4c4;border-left:4px solid #cf222e;border-radius:6px}
#error h2{color:#a40e26;text-transform:none;letter-spacing:0;font-size:16px}
#error ol{margin:0;padding:0;list-style:none}
#error li{margin:10px 0 0;overflow-wrap:anywhere}
.where{font:600 13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.problem,.fix{white-space:pre-wrap}
.fix{color:#1a7f37}
pre#text{max-width:1000px;max-height:480px;margin:0;padding:12px 14px;overflow:auto;background:#fff;border:1px solid var(--line);border-radius:6px;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre}
table{max-width:1000px;width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line)}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:12px;color:var(--muted)}
td.level-error{color:#cf222e;font-weight:600}
td.level-warning{color:#9a6700;font-weight:600}
td.level-info{color:var(--muted)}
td small{display:block;color:var(--muted)}
#check-summary{font-weight:400;text-transform:none;letter-spacing:0}
table:not(.with-info) tr.info{display:none}
.show-info{display:block;margin:0 0 8px;color:var(--muted);font-size:12px;cursor:pointer}
[hidden]{display:none!important}
`;

// Plain ES5-style script, no template strings: it is embedded in one.
const SCRIPT = String.raw`
(function () {
  'use strict';
  var DARK_KEY = 'gazette-preview:dark';
  var SCROLL_KEY = 'gazette-preview:scroll';
  var root = document.documentElement;
  var frames = [].slice.call(document.querySelectorAll('iframe[data-width]'));
  var dark = byId('dark');
  var shown = null;
  var busy = false;
  var again = false;
  var firstShow = true;
  var savedPage = null;

  function byId(id) { return document.getElementById(id); }
  function setText(id, value) { byId(id).textContent = value == null ? '' : String(value); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  try { dark.checked = localStorage.getItem(DARK_KEY) === '1'; } catch (e) { /* storage blocked */ }
  try {
    var saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || 'null');
    if (saved) {
      frames.forEach(function (frame, i) { if (saved.frames && saved.frames[i]) frame.dataset.restore = JSON.stringify(saved.frames[i]); });
      savedPage = saved.page || null;
    }
  } catch (e) { /* storage blocked */ }

  function scrollOf(frame) {
    if (frame.dataset.restore) return JSON.parse(frame.dataset.restore);
    try { return [frame.contentWindow.scrollX, frame.contentWindow.scrollY]; } catch (e) { return [0, 0]; }
  }

  function emailUrl(version) {
    return '/email.html?v=' + encodeURIComponent(version) + (dark.checked ? '&dark=1' : '');
  }

  // Load a new version into a frame where the reader left the old one: scroll
  // as soon as the new document can be laid out, and again once its images
  // have loaded. location.replace adds no entry to the browser's history.
  function loadFrame(frame, url) {
    var pos = scrollOf(frame);
    delete frame.dataset.restore;
    var old = frame.contentDocument;
    var loaded = false;
    function restore() { try { frame.contentWindow.scrollTo(pos[0], pos[1]); } catch (e) { /* gone */ } }
    function early() {
      if (loaded) return;
      var doc = frame.contentDocument;
      if (doc && doc !== old && doc.readyState !== 'loading' && doc.body) restore();
      else requestAnimationFrame(early);
    }
    frame.addEventListener('load', function () {
      loaded = true;
      fitWidth(frame);
      restore();
      openLinksOutside(frame);
    }, { once: true });
    requestAnimationFrame(early);
    frame.contentWindow.location.replace(url);
  }

  // A phone has overlay scrollbars: widen the frame by the width of a desktop
  // scrollbar, so that the email gets the full 600 or 375 px.
  function fitWidth(frame) {
    var doc = frame.contentDocument;
    if (!doc || !doc.documentElement) return;
    var bar = frame.clientWidth - doc.documentElement.clientWidth;
    frame.style.width = (Number(frame.dataset.width) + Math.max(0, bar)) + 'px';
  }

  // Links in the email open in a new tab, not inside the frame.
  function openLinksOutside(frame) {
    var doc = frame.contentDocument;
    if (!doc) return;
    doc.addEventListener('click', function (event) {
      var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
      if (!link || (link.getAttribute('href') || '').charAt(0) === '#') return;
      event.preventDefault();
      window.open(link.href, '_blank', 'noopener');
    });
  }

  function get(url, kind) {
    return fetch(url, { cache: 'no-store' }).then(function (res) { return kind === 'json' ? res.json() : res.text(); });
  }

  // One refresh at a time; versions that arrive meanwhile cost one more.
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    Promise.all([get('/status.json', 'json'), get('/email.txt', 'text')])
      .then(function (r) { show(r[0], r[1]); }, function () { root.dataset.live = 'offline'; })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }

  function show(s, textPart) {
    root.dataset.version = s.version;
    root.dataset.state = s.ok ? 'ok' : 'error';
    setText('from', s.from || '');
    byId('avatar').textContent = (s.from || '?').charAt(0).toUpperCase();
    setText('subject', s.ok ? s.subject : '(the email cannot be rendered)');
    setText('preheader', s.ok ? s.preheader : '');
    setText('date', s.date ? new Date(s.date + 'T00:00:00Z').toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }) : '');
    var meta = 'rendered ' + new Date(s.builtAt).toLocaleTimeString() + ' in ' + Math.round(s.renderMs) + ' ms';
    if (s.htmlBytes != null) meta += ' \u00b7 HTML ' + (s.htmlBytes / 1024).toFixed(1) + ' KB';
    if (s.articles != null) meta += ' \u00b7 ' + s.articles + (s.articles === 1 ? ' article' : ' articles');
    setText('meta', meta);
    if (s.ok) {
      byId('error').hidden = true;
      byId('frames').hidden = false;
      if (s.version !== shown) {
        shown = s.version;
        frames.forEach(function (frame) { loadFrame(frame, emailUrl(s.version)); });
      }
      var pre = byId('text');
      var top = pre.scrollTop;
      var left = pre.scrollLeft;
      pre.textContent = textPart;
      pre.scrollTop = top;
      pre.scrollLeft = left;
    } else {
      showError(s.error);
    }
    showFindings(s);
    if (firstShow) {
      firstShow = false;
      if (savedPage) window.scrollTo(savedPage[0], savedPage[1]);
    }
  }

  function showError(error) {
    frames.forEach(function (frame) { if (!frame.dataset.restore) frame.dataset.restore = JSON.stringify(scrollOf(frame)); });
    shown = null;
    byId('frames').hidden = true;
    byId('error').hidden = false;
    var n = error.problems.length;
    setText('error-title', 'The email cannot be rendered: ' + n + (n === 1 ? ' problem' : ' problems') + ' to fix');
    var list = byId('error-list');
    list.textContent = '';
    error.problems.forEach(function (p) {
      var item = el('li');
      if (p.file) item.appendChild(el('div', 'where', p.file + (p.line ? ':' + p.line : '')));
      item.appendChild(el('div', 'problem', p.problem));
      if (p.fix) item.appendChild(el('div', 'fix', 'Fix: ' + p.fix));
      list.appendChild(item);
    });
    byId('text').textContent = '(no text part while the email cannot be rendered)';
  }

  function showFindings(s) {
    var rows = (s.warnings || []).map(function (w) {
      return { level: 'warning', rule: w.code, message: w.message, where: w.file ? w.file + (w.line ? ':' + w.line : '') : '' };
    });
    if (s.check) rows = rows.concat(s.check.findings);
    // Errors first, then warnings, then the rest, each in check's own order.
    var rank = function (level) { return level === 'error' ? 0 : level === 'warning' ? 1 : 2; };
    rows = rows.map(function (f, i) { return { f: f, i: i }; })
      .sort(function (a, b) { return (rank(a.f.level) - rank(b.f.level)) || (a.i - b.i); })
      .map(function (x) { return x.f; });
    var body = byId('findings');
    body.textContent = '';
    rows.forEach(function (f) {
      var row = el('tr', f.level === 'info' ? 'info' : '');
      row.appendChild(el('td', 'level-' + f.level, f.level));
      row.appendChild(el('td', '', f.rule));
      var message = el('td', '', f.message);
      if (f.fix) message.appendChild(el('small', '', 'Fix: ' + f.fix));
      row.appendChild(message);
      row.appendChild(el('td', '', f.where || ''));
      body.appendChild(row);
    });
    var infos = rows.filter(function (f) { return f.level === 'info'; }).length;
    if (rows.length === infos) {
      var empty = el('tr');
      var cell = el('td', '', s.check ? 'No errors or warnings.' : 'Not checked: the email cannot be rendered.');
      cell.colSpan = 4;
      empty.appendChild(cell);
      body.insertBefore(empty, body.firstChild);
    }
    setText('check-summary', s.check ? '\u2014 ' + s.check.errors + ' errors, ' + s.check.warnings + ' warnings' : '');
    setText('info-count', infos);
    byId('show-info-label').hidden = infos === 0;
  }

  // Info findings (reviewed, allowed compatibility notes) are many: shown on request, as check --verbose does.
  byId('show-info').addEventListener('change', function () {
    byId('check').classList.toggle('with-info', byId('show-info').checked);
  });

  dark.addEventListener('change', function () {
    try { localStorage.setItem(DARK_KEY, dark.checked ? '1' : '0'); } catch (e) { /* storage blocked */ }
    shown = null;
    refresh();
  });

  window.addEventListener('pagehide', function () {
    try {
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ frames: frames.map(scrollOf), page: [window.scrollX, window.scrollY] }));
    } catch (e) { /* storage blocked */ }
  });

  var events = new EventSource('/events');
  events.addEventListener('version', function (event) {
    root.dataset.live = 'live';
    if (event.data !== root.dataset.version) refresh();
  });
  events.addEventListener('error', function () { root.dataset.live = 'offline'; });
  refresh();
})();
`;

const PAGE = `<!doctype html>
<html lang="en" data-live="connecting">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gazette preview</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>gazette preview</h1>
  <span id="live" title="Reloads by itself when you save an article, a template or the config">live reload</span>
  <span id="meta"></span>
  <label title="Emulates clients that force dark mode by inverting colours (the Gmail app on iOS, Outlook on Windows); photos are left as they are"><input type="checkbox" id="dark"> Dark mode (emulated)</label>
</header>
<main>
  <section>
    <h2>Inbox</h2>
    <div class="inbox">
      <div id="avatar" aria-hidden="true"></div>
      <div class="lines">
        <div class="top"><span id="from"></span><span id="date"></span></div>
        <div class="bottom"><span id="subject"></span><span id="preheader"></span></div>
      </div>
    </div>
  </section>
  <section>
    <h2>Email</h2>
    <div id="error" role="alert" hidden>
      <h2 id="error-title"></h2>
      <p>The preview keeps running and shows the email again as soon as the files are fixed and saved.</p>
      <ol id="error-list"></ol>
    </div>
    <div id="frames" class="frames">
      <figure><figcaption>Desktop, 600 px</figcaption><iframe data-width="600" title="The email at 600 px" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></figure>
      <figure><figcaption>Phone, 375 px</figcaption><iframe data-width="375" title="The email at 375 px" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></figure>
    </div>
  </section>
  <section>
    <h2>Plain-text part</h2>
    <pre id="text"></pre>
  </section>
  <section>
    <h2>Check <span id="check-summary"></span></h2>
    <label id="show-info-label" class="show-info" hidden><input type="checkbox" id="show-info"> show <span id="info-count"></span> info findings</label>
    <table id="check">
      <thead><tr><th>level</th><th>rule</th><th>message</th><th>where</th></tr></thead>
      <tbody id="findings"></tbody>
    </table>
  </section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
