import { DEFAULT_PROFILE, mergeProfile, parseProfile, ProfileSchema } from '../src/core/profile';
import { RULES } from '../src/core/rules';
import { body, check, day, holder } from './helpers/grid';

describe('rule profile', () => {
  it('the default profile is valid and documents where its defaults come from', () => {
    expect(ProfileSchema.safeParse(DEFAULT_PROFILE).success).toBe(true);
    expect(DEFAULT_PROFILE.description).toContain('通知');
    expect(DEFAULT_PROFILE.params).toEqual({
      annualTrainingHours: 60, transferTrainingHours: 20, expiryWarningDays: 90, entrustmentWarningDays: 90,
      retirementAgeMale: 60, retirementAgeFemale: 55, maxPlausibleHours: 500,
    });
  });

  it('a partial profile lays over the default', () => {
    const r = parseProfile(JSON.stringify({ name: '镇安县', params: { expiryWarningDays: 60 }, rules: { P12: { colour: 'red' } } }));
    if (!('profile' in r)) throw new Error(r.errors.join());
    expect(r.profile.name).toBe('镇安县');
    expect(r.profile.version).toBe(DEFAULT_PROFILE.version);
    expect(r.profile.params).toEqual({ ...DEFAULT_PROFILE.params, expiryWarningDays: 60 });
  });

  it('explains every problem in Chinese with its path', () => {
    const r = parseProfile(JSON.stringify({ params: { annualTrainingHours: -1, bogus: 1 }, rules: { P1: {}, P10: { colour: 'blue' } } }));
    expect('errors' in r).toBe(true);
    const text = 'errors' in r ? r.errors.join('\n') : '';
    expect(text).toContain('params.annualTrainingHours');
    expect(text).toContain('rules.P10.colour');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect('errors' in parseProfile('{不是 JSON')).toBe(true);
  });

  it('switches a rule off, changes a colour, a variant colour and a D level', () => {
    const people = [holder({ annualTrainingHours: 50 }), holder({ sanction: '正在接受审查' }), holder({ annualTrainingHours: '六十' })];
    const base = check(people);
    expect(base.people.map((p) => p.colour)).toEqual(['yellow', 'yellow', 'yellow']);
    const profile = mergeProfile(DEFAULT_PROFILE, { rules: { P10: { enabled: false }, P07: { variants: { review: 'red' } }, D11: { level: 'warning' } } });
    const r = check(people, [body()], profile);
    expect(r.findings.map((f) => `${f.rule}:${f.colour}:${f.level}`)).toEqual(['P07:red:error', 'D11:null:warning']);
    expect(r.people.map((p) => p.colour)).toEqual(['green', 'red', 'green']);
  });

  it('thresholds move the verdicts', () => {
    const p = [holder({ expiryDate: day(100) })];
    expect(check(p).findings).toEqual([]);
    const profile = mergeProfile(DEFAULT_PROFILE, { params: { expiryWarningDays: 120 } });
    expect(check(p, [body()], profile).findings.map((f) => f.rule)).toEqual(['P12']);
  });

  it('every rule can be named in a profile', () => {
    const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, { enabled: false }]));
    const r = parseProfile(JSON.stringify({ rules }));
    if (!('profile' in r)) throw new Error(r.errors.join());
    expect(check([holder({ name: null, staffCategory: '劳务派遣' })], [body()], r.profile).findings).toEqual([]);
  });
});
