import type { Config } from '../config/schema.js';
import type { Digest, DigestArticle } from '../types.js';
import { derivePreheader } from './preheader.js';
import { renderSubject, subjectVariables } from './subject.js';

/** Put the enriched articles together as one issue. */
export function composeDigest(articles: readonly DigestArticle[], config: Config, date: string): Digest {
  const subject = renderSubject(config.subject, subjectVariables(config.name, date, config.lang, articles));
  return {
    title: config.name,
    date,
    subject,
    preheader: derivePreheader(articles, subject),
    articles: [...articles],
  };
}
