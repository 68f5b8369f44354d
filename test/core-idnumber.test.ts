import { dayFromIso, dayFromYmd } from '../src/core/dates';
import { checkDigit, idBirthOf, idCode, idGenderOf, idKindOf, idProblemOf, makeId, parseId } from '../src/core/idnumber';

/** parseId as it was written first (regular expressions and substrings): the reference for the one-pass check. */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);
function reference(raw: string, today: number) {
  const id = raw.toUpperCase();
  if (id.length !== 18 && id.length !== 15) return { problem: 'length' };
  if (id.length === 18 ? !/^\d{17}[\dX]$/.test(id) : !/^\d{15}$/.test(id)) return { problem: 'characters' };
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return { problem: 'region' };
  const birth = id.length === 18
    ? dayFromYmd(+id.slice(6, 10), +id.slice(10, 12), +id.slice(12, 14))
    : dayFromYmd(1900 + +id.slice(6, 8), +id.slice(8, 10), +id.slice(10, 12));
  if (birth === null || birth > today) return { problem: 'birthDate' };
  if (id.length === 18 && checkDigit(id) !== id[17]) return { problem: 'checkDigit' };
  return { id, kind: id.length, birth, gender: Number(id.length === 18 ? id[16] : id[14]) % 2 === 1 ? '男' : '女' };
}

describe('the ID number check in one pass (idCode) gives parseId’s answer', () => {
  const today = dayFromIso('2024-06-05')!;
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const mutate = (s: string) => {
    const chars = [...s];
    const k = rnd(6);
    if (k === 0) chars[rnd(chars.length)] = String(rnd(10));
    if (k === 1) chars[rnd(chars.length)] = 'xX-. aé０'[rnd(9)];
    if (k === 2) chars.splice(rnd(chars.length), 1);
    if (k === 3) chars.splice(rnd(chars.length), 0, String(rnd(10)));
    if (k === 4) return chars.join('').toLowerCase();
    return chars.join('');
  };
  const samples: string[] = ['', 'X', '11010519491231002X', '11010519491231002x', '110105491231002', '11010549123100X', '610126198001011234',
    '99010519491231002X', '110105209912310021', '1101051949123100', '11010519490229002X', 'ß10105194912310021', '１１0105194912310021'];
  for (let i = 0; i < 4000; i++) {
    const id = makeId(['611026', '110105', '990101', '710000'][rnd(4)], `${1900 + rnd(130)}${String(1 + rnd(12)).padStart(2, '0')}${String(1 + rnd(31)).padStart(2, '0')}`, String(rnd(1000)).padStart(3, '0'));
    samples.push(id, id.slice(0, 6) + id.slice(8, 17), mutate(id), mutate(mutate(id)));
  }

  it('for valid, mistyped and malformed numbers alike', () => {
    const differ = samples.filter((s) => {
      const code = idCode(s, today);
      const got = code < 0 ? { problem: idProblemOf(code) } : { id: s.toUpperCase(), kind: idKindOf(code), birth: idBirthOf(code), gender: idGenderOf(code) };
      return JSON.stringify(got) !== JSON.stringify(reference(s, today)) || JSON.stringify(parseId(s, today)) !== JSON.stringify(reference(s, today));
    });
    expect(differ).toEqual([]);
  });
});
