/**
 * gazette's library API: the names below are stable, for your own scripts and
 * snapshot tests. It never reads a config file by itself: pass a config
 * object through `resolveConfig` (or read one explicitly with `readConfigFile`).
 */
export { loadArticles, type LoadOptions, type LoadResult } from './load/articles.js';
export { parseArticle, type ParsedArticle } from './load/article.js';
export {
  buildDigest,
  buildIssue,
  renderArticles,
  renderIssue,
  type BuildOptions,
  type BuildResult,
  type RenderArticlesOptions,
  type RenderIssueOptions,
  type RenderedIssue,
} from './build.js';
export { renderDigest, renderDigestTemplate, type RenderOptions } from './render/index.js';
export { personalise, greetingFor, genericValues, type PersonalTemplate, type PersonalValues, type Recipient } from './render/personal.js';
export { loadTemplates, defaultTemplatesDir, type TemplateSet } from './render/templates.js';
export { summarize } from './enrich/summary.js';
export { pickPullQuote } from './enrich/pull-quote.js';
export { splitCredit } from './enrich/caption.js';
export { splitSentences, type Sentence } from './text/sentences.js';
export { resolveConfig } from './config/resolve.js';
export { readConfigFile } from './config/file.js';
export type { Config, ConfigInput } from './config/schema.js';
export { sendIssue, dryRun, sendTestMessage, type SendIssueOptions, type SendReport, type DryRunOptions, type DryRunReport } from './send/index.js';
export { composeMessage, listIdOf, type IssueMessages, type ComposedMessage } from './send/message.js';
export { planNewIssue, planFullIssue, type IssuePlan, type PlanOptions } from './series/plan.js';
export { sendNewIssue, type SendNewOptions, type SendNewResult } from './series/send-new.js';
export { articleHash } from './series/article-hash.js';
export type { SeriesStatus } from './series/status.js';
export { runSchedule, type ScheduleOptions, type TickContext } from './schedule/index.js';
export { startServe, type ServeOptions, type Serving } from './serve/index.js';
export { archiveFiles, type ArchiveFile } from './archive/site.js';
export { archiveFeed } from './archive/feed.js';
export type { ArchivedIssue, ArchiveSource } from './archive/types.js';
export { readSubscribers } from './send/subscribers.js';
export { unsubscribeToken, verifyUnsubscribeToken } from './send/unsubscribe.js';
export { checkEmail, type CheckInput, type CheckReport, type Finding } from './check/index.js';
export { GazetteError, EXIT_CODES, type ErrorCode, type ErrorKind } from './errors.js';
export type { Article, Block, Digest, DigestArticle, Photo, PullQuote, RenderedDigest, Warning } from './types.js';
