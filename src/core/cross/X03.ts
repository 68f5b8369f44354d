import { groupBy } from '../group';
import { unitKey } from '../unit-name';
import { CrossRule } from './context';

const rule: CrossRule = {
  meta: {
    id: 'X03',
    category: 'X',
    level: 'error',
    title: { zh: '同一单位重复报送，或文件不是摸排统计表', en: 'A unit submitted twice, or a file that is not a roster' },
    action: { zh: '确认哪一份是最终版本，撤下其余；非摸排统计表的文件请单位重新报送', en: 'Keep the final version; ask the unit to resend a proper roster' },
    source: { zh: '通知四.3（以所属辖区单位统计上报）', en: 'Notice 4.3 (one report per unit)' },
    messages: {
      twice: { zh: '单位「{unit}」报送了 {count} 份：{files}。两份都已计入，请确认最终版本。', en: 'Unit "{unit}" sent {count} files: {files}. Both are counted; confirm the final one.' },
      notRoster: { zh: '文件不能作为摸排统计表使用：{reason}', en: 'The file cannot be used as a roster: {reason}' },
    },
  },
  check(ctx) {
    for (const f of ctx.files) {
      if (f.status !== 'ok') ctx.report({ file: f.file, messageId: 'notRoster', data: { reason: f.message }, level: 'error' });
    }
    const ok = ctx.files.filter((f) => f.status === 'ok' && f.result);
    for (const [, same] of groupBy(ok, (f) => unitKey(f.result!.unit))) {
      if (same.length < 2 || !same[0].result!.unit) continue;
      const files = same.map((f) => `《${f.file.split(/[\\/]/).pop()}》`).join('、');
      for (const f of same) ctx.report({ file: f.file, messageId: 'twice', data: { unit: f.result!.unit, count: same.length, files }, level: 'error' });
    }
  },
};
export default rule;
