import { visibleText, type Rule } from './email.js';

/** A `<title>`: what a browser tab, and some clients' "view online" windows, show. */
export const title: Rule = (email) => {
  const element = email.head ? email.elements('title').find((t) => t.parent === email.head) : undefined;
  if (element && visibleText(element) !== '') return [];
  return [
    {
      level: 'warning',
      rule: 'title',
      message: element ? 'the <title> is empty' : 'the HTML has no <title>',
      where: '<head>',
      fix: 'add <mj-title>{{subject}}</mj-title> to <mj-head> in your template',
    },
  ];
};
