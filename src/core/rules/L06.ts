import { whoKey } from '../ledger';
import { LedgerEvent } from '../record';
import { duplicateGroups, othersInGroup, placesData, Rule } from '../rule';
import { compact } from '../text';

const who = (e: LedgerEvent): string => whoKey(e.idNumber, e.name) ?? `row:${e.row}`;

const rule: Rule = {
  meta: {
    id: 'L06',
    category: 'L',
    colour: 'red',
    title: { zh: '同一执法证号登记在两人名下', en: 'One certificate number on two people\'s ledger events' },
    action: { zh: '核对证件原件：证号填错的更正，证件转借他人的收回注销', en: 'Check the certificates: correct a wrong number; recover and cancel a lent certificate' },
    source: { zh: '通知三.3（证件全流程管理）；执法证号唯一', en: 'Notice 3.3; certificate numbers are unique' },
    messages: {
      shared: {
        zh: '执法证号「{value}」在台账中也登记在其他人员名下（第{others}行{more}）。',
        en: 'Certificate number "{value}" is also recorded for another person in the ledger (row(s) {others}{moreEn}).',
      },
    },
  },
  check(ctx) {
    if (ctx.ledger.length === 0) return;
    for (const group of duplicateGroups(ctx.ledger, (e) => { const c = e.certNumber; return c === undefined ? undefined : compact(c); })) {
      // one finding per person and number, on the person's first row with it
      const done = new Set<string>();
      othersInGroup(group, who, (e, listed, total) => {
        if (total === 0 || done.has(who(e))) return;
        done.add(who(e));
        const { others, more, moreEn } = placesData(listed.map((o) => String(o.row)), total);
        ctx.report({ table: 'ledger', rec: e, field: 'certNumber', person: ctx.records!.personOf(whoKey(e.idNumber, e.name)), messageId: 'shared',
          data: { value: e.certNumber!, others, more, moreEn } });
      });
    }
  },
};
export default rule;
