export const TEXT_WIDTH = 78;

/** Columns a string takes, counting code points (so "é" and "—" are one). */
export function columns(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Wrap text at word boundaries to `width` columns including `indent`. A word
 * longer than the line (a URL) gets a line of its own, unbroken, so it stays
 * clickable.
 */
export function wrap(text: string, { width = TEXT_WIDTH, indent = '', firstIndent = indent }: { width?: number; indent?: string; firstIndent?: string } = {}): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && columns(candidate) > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = candidate;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines.join('\n');
}
