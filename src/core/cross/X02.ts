import { a1 } from '../a1';
import { compact } from '../text';
import { CrossRule, where } from './context';
import { acrossFiles } from './X01';

const rule: CrossRule = {
  meta: {
    id: 'X02',
    category: 'X',
    colour: 'red',
    title: { zh: '同一执法证号登记在不同单位的不同人员名下', en: 'One certificate number on different people in different units' },
    action: { zh: '核对证件原件，更正证号；冒用的收回注销', en: 'Check the certificates; recover any misused one' },
    source: { zh: '执法证号唯一（通知三.5 关联性审核）', en: 'Certificate numbers are unique (notice 3.5)' },
    messages: {
      shared: { zh: '执法证号「{value}」同时登记在{others}的其他人员名下。', en: 'Certificate number "{value}" is also recorded for another person in {others}.' },
    },
  },
  check(ctx) {
    for (const group of acrossFiles(ctx.files, (p) => compact(p.certNumber))) {
      const who = (c: (typeof group)[number]) => c.p.idNumber || c.p.name;
      if (new Set(group.map(who)).size < 2) continue;
      for (const c of group) {
        const others = group.filter((o) => who(o) !== who(c) && o.unit !== c.unit).map((o) => where(o.file, o.p.sheet, a1(o.p.row, o.p.certCol ?? 1)));
        if (!others.length) continue;
        ctx.report({
          file: c.file, sheet: c.p.sheet, row: c.p.row, col: c.p.certCol, column: '执法证号', name: c.p.name,
          messageId: 'shared', data: { value: c.p.certNumber, others: others.join('、') },
        });
      }
    }
  },
};
export default rule;
