import mjml2html from 'mjml';
import { GazetteError } from '../errors.js';
import { locateInTemplates } from './locate.js';
import type { TemplateSet } from './templates.js';

interface MjmlIssue {
  line?: number;
  message?: string;
  tagName?: string;
}

/**
 * MJML → HTML with strict validation: an invalid document is an error, never
 * a half-broken email. Minified unless `pretty`.
 */
export async function compileMjml(mjml: string, { pretty = false, templates }: { pretty?: boolean; templates?: TemplateSet } = {}): Promise<string> {
  try {
    const result = await mjml2html(mjml, {
      validationLevel: 'strict',
      minify: !pretty,
      beautify: pretty,
      keepComments: false,
      fonts: {},
    });
    return result.html;
  } catch (cause) {
    throw mjmlError(cause, mjml, templates);
  }
}

function mjmlError(cause: unknown, mjml: string, templates: TemplateSet | undefined): GazetteError {
  const issues = (cause as { errors?: MjmlIssue[] }).errors ?? [];
  const lines = mjml.split('\n');
  const main = templates?.main.file ?? 'digest.mjml';
  const errors = issues.map((issue) => {
    const rendered = (lines[(issue.line ?? 1) - 1] ?? '').trim();
    const place = templates && locateInTemplates(templates, rendered, issue.tagName);
    return new GazetteError('MJML_INVALID', `${issue.tagName ? `<${issue.tagName}> ` : ''}${issue.message ?? 'invalid MJML'}`, {
      file: place?.file ?? main,
      line: place?.line,
      fix: `correct the template so that it renders valid MJML (rendered line ${issue.line ?? '?'}: ${rendered.slice(0, 80)})`,
    });
  });
  const first = errors[0];
  if (errors.length === 1 && first) return first;
  if (errors.length > 1) return new GazetteError('MJML_INVALID', 'the rendered MJML does not validate:', { errors });
  return new GazetteError('MJML_INVALID', `MJML could not compile the template (${(cause as Error).message})`, {
    file: main,
    fix: 'check that the template renders well-formed MJML (see digest.mjml with --pretty)',
    cause,
  });
}
