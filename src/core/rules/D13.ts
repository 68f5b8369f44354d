import { TABLES, TableKind } from '../fields';
import { Rec } from '../record';
import { Rule } from '../rule';
import { hasStrayCharacters } from '../text';

const rule: Rule = {
  meta: {
    id: 'D13',
    category: 'D',
    level: 'info',
    title: { zh: '关键字段含多余空格或全角字符', en: 'Stray spaces or full-width characters' },
    action: { zh: '删除多余空格、换行，改用半角字符', en: 'Remove stray spaces and line breaks; use half-width characters' },
    source: { zh: '摸排统计表填报要求', en: 'Form requirements' },
    messages: {
      stray: { zh: '「{field}」列有{count}处含多余空格、换行或全角字符（首见于此格），已按规范化后的值校验。', en: '"{field}" has {count} value(s) with stray spaces, line breaks or full-width characters (first here); checked as normalised.' },
    },
  },
  check(ctx) {
    for (const [kind, recs] of [['person', ctx.people], ['agency', ctx.agencies]] as const) {
      for (const { def, i } of TABLES[kind as TableKind].fields.flatMap((def, i) => (def.key_field ? [{ def, i }] : []))) {
        let count = 0;
        let first: Rec | undefined;
        for (const r of recs) {
          const raw = r.raw(def.key);
          if (typeof raw !== 'string') continue;
          // a text field's reading is the cleaned text: the same text means nothing was cleaned away
          const cell = r.at(i);
          if (cell === raw) continue;
          if ((def.type === 'text' && typeof cell === 'string') || hasStrayCharacters(raw)) {
            count++;
            first ??= r;
          }
        }
        if (first) ctx.report({ table: kind, rec: first, field: def.key, messageId: 'stray', data: { count } });
      }
    }
  },
};
export default rule;
