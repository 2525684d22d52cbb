import type { TemplateSet } from './templates.js';

export interface TemplatePlace {
  file: string;
  line: number;
}

/**
 * Find the template line that produced a line of rendered MJML, so that a
 * validation error points at what the user edits. Handlebars keeps no source
 * map, so this matches the tag and the attribute names, which templates
 * write literally even when the values are {{placeholders}}.
 */
export function locateInTemplates(templates: TemplateSet, renderedLine: string, tagName: string | undefined): TemplatePlace | undefined {
  const tag = tagName ?? /<([a-z][\w-]*)/i.exec(renderedLine)?.[1];
  if (!tag) return undefined;
  const wanted = attributeNames(renderedLine);
  let best: (TemplatePlace & { score: number }) | undefined;
  for (const template of [templates.main, ...Object.values(templates.partials)]) {
    template.source.split('\n').forEach((text, index) => {
      if (!text.includes(`<${tag}`)) return;
      const have = attributeNames(text);
      const score = [...wanted].filter((a) => have.has(a)).length - [...have].filter((a) => !wanted.has(a)).length / 10;
      if (!best || score > best.score) best = { file: template.file, line: index + 1, score };
    });
  }
  return best && { file: best.file, line: best.line };
}

function attributeNames(text: string): Set<string> {
  return new Set([...text.matchAll(/\s([a-z][\w-]*)=/gi)].map((m) => (m[1] ?? '').toLowerCase()));
}
