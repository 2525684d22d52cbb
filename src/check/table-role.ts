import { DomUtils } from 'htmlparser2';
import { attr, whereIs, type Rule } from './email.js';

/**
 * Layout tables carry role="presentation", or screen readers announce every
 * row and cell. MJML sets it; a table with headers or a caption is data.
 */
export const tableRole: Rule = (email) => {
  const bare = email.elements('table').filter(
    (table) => attr(table, 'role') === undefined && !DomUtils.findOne((el) => el.name === 'th' || el.name === 'caption', table.children),
  );
  const first = bare[0];
  if (!first) return [];
  return [
    {
      level: 'warning',
      rule: 'table-role',
      message: `${bare.length} layout table${bare.length === 1 ? '' : 's'} without role="presentation": screen readers read them out as data`,
      where: `${whereIs(email, first, 'class')}${bare.length > 1 ? ` and ${bare.length - 1} more` : ''}`,
      fix: 'add role="presentation" to tables used for layout (MJML does this for its own)',
    },
  ];
};
