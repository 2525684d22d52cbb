import type { Config } from '../config/schema.js';
import { renderDigest, type RenderOptions } from '../render/index.js';
import type { Digest } from '../types.js';
import type { ArticleCost } from './types.js';

/**
 * What each article adds to the HTML: the digest rendered whole, minus the
 * digest rendered without that article. One render per article, so it is
 * only worth doing when the email is near Gmail's clipping size.
 */
export async function measureArticleCosts(digest: Digest, config: Config, options: RenderOptions = {}): Promise<ArticleCost[]> {
  const bytesOf = async (d: Digest): Promise<number> => Buffer.byteLength((await renderDigest(d, config, { ...options, pretty: false })).html);
  const whole = await bytesOf(digest);
  const costs: ArticleCost[] = [];
  for (const article of digest.articles) {
    const without = await bytesOf({ ...digest, articles: digest.articles.filter((a) => a !== article) });
    costs.push({ slug: article.slug, title: article.title, bytes: whole - without });
  }
  return costs.sort((a, b) => b.bytes - a.bytes);
}
