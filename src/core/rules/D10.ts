import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const name = p.agency;
  if (name && !p.body) {
    ctx.report({ table: 'person', rec: p, field: 'agency', messageId: 'notFound', data: { value: name } });
  }
}

const rule: Rule = {
  meta: {
    id: 'D10',
    category: 'D',
    level: 'error',
    title: { zh: '执法主体未在执法主体表中登记', en: 'Enforcement body not listed' },
    action: { zh: '在执法主体表补登该主体，或更正名称使两表一致', en: 'Add the body to the bodies sheet or correct the name' },
    source: { zh: '通知三.5（关联性审核）', en: 'Notice 3.5 (cross-checking)' },
    messages: {
      notFound: { zh: '执法主体「{value}」在执法主体表中找不到，请补登或更正名称。', en: 'Enforcement body "{value}" is not on the bodies sheet.' },
      noAgencySheet: { zh: '工作簿中没有找到执法主体表（需含「执法主体名称」「主体类型」等列），无法核对执法主体。', en: 'No enforcement-bodies sheet was found, so bodies cannot be checked.' },
    },
  },
  check(ctx) {
    if (!ctx.personTable) return;
    if (!ctx.agencyTable) {
      const t = ctx.personTable;
      ctx.report({ table: 'person', field: 'agency', row: t.headerRows[t.headerRows.length - 1],
        col: t.fieldCol.agency ?? t.firstCol, messageId: 'noAgencySheet' });
      return;
    }
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
