import type { Config } from '../config/schema.js';
import { escapeHtml } from '../render/personal.js';

export { escapeHtml };

export interface PageParts {
  /** The <title>. */
  title: string;
  /** The <main>'s HTML, already escaped. */
  body: string;
  /** Extra <head> HTML, already escaped. */
  head?: string;
}

/**
 * The frame of every page gazette serves besides the issues themselves (the
 * archive list, the unsubscribe pages): one column at the email's 600 px, the
 * newsletter's colour, system fonts, no scripts, no external requests.
 */
export function page(config: Config, { title, body, head = '' }: PageParts): string {
  return `<!doctype html>
<html lang="${escapeHtml(config.lang)}" dir="${config.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
${head}<style>${styles(config.brandColor)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function styles(brand: string): string {
  return [
    'body{margin:0;background:#f4f4f5;color:#1f2328;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}',
    'main{max-width:600px;margin:0 auto;padding:40px 20px 56px}',
    `h1{font-size:28px;line-height:1.25;margin:0 0 8px;color:${brand}}`,
    'p{margin:0 0 16px}',
    `a{color:${brand}}`,
    '.meta{color:#59636e;font-size:15px}',
    '.issues{list-style:none;margin:32px 0 0;padding:0}',
    '.issues li{background:#fff;border-radius:6px;margin:0 0 12px;padding:16px 20px}',
    '.issues .subject{display:block;font-weight:600;font-size:19px;line-height:1.35;text-decoration:none}',
    '.issues .subject:hover{text-decoration:underline}',
    '.issues .preheader{margin:6px 0 0;color:#59636e;font-size:15px}',
    '.card{background:#fff;border-radius:6px;padding:28px 24px}',
    `button{font:inherit;font-weight:600;color:#fff;background:${brand};border:0;border-radius:6px;padding:12px 22px;cursor:pointer}`,
    'button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}',
  ].join('');
}
