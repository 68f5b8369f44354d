import { FieldType, TABLES, TableKind } from '../fields';
import { Table } from '../reader';
import { Rec } from '../record';
import { eachPerson, Rule } from '../rule';
import { hasStrayCharacters } from '../text';
import { Cell } from '../values';

const keyFields = (kind: TableKind) => TABLES[kind].fields.flatMap((def, i) => (def.key_field ? [{ def, i }] : []));
const KEY_FIELDS = { person: keyFields('person'), agency: keyFields('agency') };

/** A text cell that reads differently once cleaned. A text field's reading is the cleaned text: the same text means nothing was cleaned away. */
function stray(raw: string, cell: Cell, type: FieldType): boolean {
  if (cell === raw) return false;
  return (type === 'text' && typeof cell === 'string') || hasStrayCharacters(raw);
}

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
    for (const kind of ['person', 'agency'] as const) {
      const keys = KEY_FIELDS[kind];
      const counts = keys.map(() => 0);
      const firsts: (Rec | undefined)[] = keys.map(() => undefined);
      // the key fields' columns in the row's table (people may come from several sheets)
      let table: Table | undefined;
      let at: (number | undefined)[] = [];
      const visit = (r: Rec) => {
        if (r.table !== table) {
          table = r.table;
          at = keys.map(({ def }) => r.table.fieldIndex[def.key]);
        }
        for (let k = 0; k < keys.length; k++) {
          const col = at[k];
          const raw = col === undefined ? undefined : r.values[col];
          if (typeof raw === 'string' && stray(raw, r.at(keys[k].i), keys[k].def.type)) {
            counts[k]++;
            firsts[k] ??= r;
          }
        }
      };
      if (kind === 'person') eachPerson(ctx, visit);
      else ctx.agencies.forEach(visit);
      keys.forEach(({ def }, k) => {
        if (firsts[k]) ctx.report({ table: kind, rec: firsts[k], field: def.key, messageId: 'stray', data: { count: counts[k] } });
      });
    }
  },
};
export default rule;
