import { attr, type Rule } from './email.js';
import type { Finding } from './types.js';

/**
 * `<html lang>` tells screen readers which voice to read in (MJML's default is
 * "und", undetermined); right-to-left newsletters also need `dir="rtl"`.
 */
export const lang: Rule = ({ root, input }) => {
  const value = root ? attr(root, 'lang')?.trim() : undefined;
  const findings: Finding[] = [];
  if (!value || value.toLowerCase() === 'und') {
    findings.push({
      level: 'error',
      rule: 'lang',
      message: value ? '<html lang="und">: the language is undetermined, so screen readers guess' : '<html> has no lang attribute, so screen readers guess the language',
      where: '<html>',
      fix: 'set "lang" in the config (e.g. "en-GB"), or <mjml lang="…"> in your own template',
    });
  } else if (input.config && value.toLowerCase() !== input.config.lang.toLowerCase()) {
    findings.push({
      level: 'warning',
      rule: 'lang',
      message: `<html lang="${value}"> but the config says "${input.config.lang}"`,
      where: '<html>',
      fix: 'use <mjml lang="{{lang}}"> in your template so the config decides',
    });
  }
  if (input.config?.dir === 'rtl' && (root ? attr(root, 'dir') : undefined) !== 'rtl') {
    findings.push({ level: 'error', rule: 'lang', message: 'the config says dir "rtl" but <html> is not dir="rtl"', where: '<html>', fix: 'use <mjml dir="{{dir}}"> in your template' });
  }
  return findings;
};
