import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (p.staffCategory === '事业编制' && p.holds && p.body?.str('agencyType') === '行政机关') {
    ctx.report({ table: 'person', rec: p, field: 'staffCategory', messageId: 'institution', data: { agency: p.agency! } });
  }
}

const rule: Rule = {
  meta: {
    id: 'P02',
    category: 'P',
    colour: 'yellow',
    title: { zh: '事业编制人员在行政机关持证', en: 'Public-institution staff holding a certificate in an administrative organ' },
    action: { zh: '核实编制与执法主体', en: 'Verify the establishment and the enforcement body' },
    source: { zh: '推定（在编在岗要求）', en: 'Inferred (established-staff rule)' },
    messages: {
      institution: { zh: '事业编制人员在行政机关「{agency}」持证，请核实编制与执法主体是否相符。', en: 'Public-institution staff holding a certificate in the administrative organ "{agency}"; verify.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
