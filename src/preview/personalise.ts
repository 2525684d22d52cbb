/**
 * The seam where the preview turns the rendered email into what one
 * subscriber would receive. Today every subscriber gets the same bytes, so
 * this returns the HTML exactly as `gazette build` writes it; when sending
 * adds per-subscriber fields (name, unsubscribe token), fill them in here
 * for a sample subscriber, and `/email.html` and the checks will show it.
 */
export function personaliseForPreview(html: string): string {
  return html;
}
