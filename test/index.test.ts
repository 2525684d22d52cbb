import { describe, expect, it } from 'vitest';
import * as gazette from '../src/index.js';

describe('the library API', () => {
  it('exports the stable names and nothing by accident', () => {
    expect(Object.keys(gazette).sort()).toEqual(
      [
        'EXIT_CODES',
        'GazetteError',
        'buildDigest',
        'startServe',
        'archiveFiles',
        'archiveFeed',
        'sendIssue',
        'sendNewIssue',
        'planNewIssue',
        'planFullIssue',
        'articleHash',
        'runSchedule',
        'renderArticles',
        'dryRun',
        'sendTestMessage',
        'composeMessage',
        'listIdOf',
        'readSubscribers',
        'unsubscribeToken',
        'verifyUnsubscribeToken',
        'checkEmail',
        'buildIssue',
        'defaultTemplatesDir',
        'loadArticles',
        'loadTemplates',
        'parseArticle',
        'pickPullQuote',
        'readConfigFile',
        'renderDigest',
        'renderDigestTemplate',
        'personalise',
        'greetingFor',
        'genericValues',
        'renderIssue',
        'resolveConfig',
        'splitCredit',
        'splitSentences',
        'summarize',
      ].sort(),
    );
  });

  it('maps kinds of failure to exit codes', () => {
    expect(gazette.EXIT_CODES).toEqual({ ok: 0, usage: 1, content: 2, delivery: 3 });
  });
});
