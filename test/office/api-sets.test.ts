import { readFileSync } from 'fs';
import { formatApiSets, generateExcelApiSets, GenerateResult, OUTPUT } from '../../scripts/gen-excel-api-sets';
import { compareSets, EXCEL_API_SETS, isAvailable, memberSets, requiredSet } from '../../src/sim/api-sets';

const REGENERATE = 'npm run build:cli --silent && node lib/scripts/gen-excel-api-sets.js';

describe('the ExcelApi requirement sets of src/sim/excel-api-sets.json', () => {
  let fresh: GenerateResult;
  beforeAll(() => {
    fresh = generateExcelApiSets();
  });

  it('are those of the installed @types/office-js (the generator runs here)', () => {
    const committed = readFileSync(OUTPUT(), 'utf8');
    const current = committed === formatApiSets(fresh.sets);
    expect({ current, regenerate: REGENERATE }).toEqual({ current: true, regenerate: REGENERATE });
    expect(EXCEL_API_SETS).toEqual(fresh.sets);
  });

  it('come from every tag: none left unparsed, and the value-dependent ones are those known', () => {
    expect(fresh.unparsed).toEqual([]);
    // each read as its first version; the rest of the tag depends on the value passed
    expect(fresh.qualified.map((q) => q.where).sort()).toEqual([
      'CommentCollection.add(content)',
      'CommentCollection.add(contentType)',
      'CommentReplyCollection.add(content)',
      'CommentReplyCollection.add(contentType)',
      'NamedItem.type',
      'Range.autoFill',
      'TableCollection.add(address)',
      'TableColumnCollection.add',
      'TableRowCollection.add',
    ]);
    expect(fresh.classes).toBeGreaterThan(350);
    expect(fresh.members).toBeGreaterThan(3400);
    // only the icon-set interfaces, RequestContext and RunOptions have neither a tag nor a tagged class
    expect([...new Set(fresh.untagged.map((w) => w.split('.')[0]))].filter((c) => !/Set$|^IconCollections$/.test(c))).toEqual(['RequestContext', 'RunOptions']);
  });

  it.each([
    ['Worksheet', 'delete', 'call', [], '1.1'],
    ['Worksheet', 'visibility', 'get', [], '1.1'],
    ['Worksheet', 'visibility', 'set', [], '1.2'],
    ['Range', 'getMergedAreasOrNullObject', 'call', [], '1.13'],
    ['NoteCollection', 'add', 'call', [], '1.18'],
    ['Note', 'delete', 'call', [], '1.18'],
    ['CommentCollection', 'add', 'call', [], '1.10'],
    ['ConditionalFormatCollection', 'add', 'call', [], '1.6'],
    ['Worksheet', 'getRanges', 'call', [], '1.9'],
    ['Worksheet', 'getRangeByIndexes', 'call', [], '1.7'],
    ['RangeFormat', 'columnWidth', 'get', [], '1.2'],
    ['RangeFormat', 'columnWidth', 'set', [], '1.2'],
    ['Range', 'merge', 'call', [], '1.2'],
    ['Worksheet', 'getUsedRange', 'call', [], '1.1'],
    ['Worksheet', 'getUsedRange', 'call', ['valuesOnly'], '1.2'],
    ['ChartSeries', 'setXAxisValues', 'call', [], '1.7'],
    ['WorksheetFreezePanes', 'freezeRows', 'call', [], '1.7'],
    ['Range', 'dataValidation', 'get', [], '1.8'],
    // split and composite tags
    ['Application', 'calculationMode', 'get', [], '1.1'],
    ['Application', 'calculationMode', 'set', [], '1.8'],
    ['TableColumn', 'name', 'set', [], '1.4'],
    ['WorksheetProtection', 'protect', 'call', ['options'], '1.2'],
    ['WorksheetProtection', 'protect', 'call', ['options', 'password'], '1.7'],
    ['WorksheetProtection', 'unprotect', 'call', [], '1.2'],
    ['TableRowCollection', 'add', 'call', ['index', 'values'], '1.1'],
    ['TableRowCollection', 'add', 'call', ['index', 'values', 'alwaysInsert'], '1.15'],
    ['TableColumnCollection', 'add', 'call', ['index', 'values', 'name'], '1.4'],
    ['Range', 'autoFill', 'call', ['destinationRange'], '1.9'],
    // members without a tag have their class's; overloads the lowest
    ['NoteCollection', 'load', 'call', [], '1.18'],
    ['Range', 'load', 'call', [], '1.1'],
    ['CommentCollection', 'items', 'get', [], '1.10'],
  ] as const)('%s.%s (%s %j) needs ExcelApi %s', (cls, member, kind, params, set) => {
    expect(requiredSet(cls, member, kind, [...params])).toBe(set);
  });

  it('names the sets that are no numbered ExcelApi version, and knows untagged from unknown members', () => {
    const named = Object.values(EXCEL_API_SETS).flatMap((c) => Object.values(c)).filter((e): e is string => typeof e === 'string' && !/^\d+\.\d+$/.test(e));
    expect(named.length).toBeGreaterThan(50);
    expect(new Set(named)).toEqual(new Set(['ExcelApiOnline 1.1', 'ExcelApiDesktop 1.1']));
    expect(memberSets('RequestContext', 'workbook')).toBeNull();
    expect(requiredSet('RequestContext', 'workbook', 'get')).toBeUndefined();
    expect(memberSets('Range', 'noSuchMember')).toBeUndefined();
    expect(memberSets('Range', 'constructor')).toBeUndefined();
    expect(memberSets('NoSuchClass', 'load')).toBeUndefined();
  });

  it('compares versions as numbers; named sets are never available', () => {
    expect(isAvailable('1.10', '1.9')).toBe(false);
    expect(isAvailable('1.9', '1.10')).toBe(true);
    expect(isAvailable('1.18', '1.18')).toBe(true);
    expect(isAvailable('1.1', '1.1')).toBe(true);
    expect(isAvailable('1.2', '1.1')).toBe(false);
    expect(isAvailable('ExcelApiOnline 1.1', '1.20')).toBe(false);
    expect(isAvailable('ExcelApi Preview', '1.20')).toBe(false);
    expect(['1.10', '1.9', '1.2', 'ExcelApiOnline 1.1', '1.1'].sort(compareSets)).toEqual(['1.1', '1.2', '1.9', '1.10', 'ExcelApiOnline 1.1']);
    // every version 1.1 … 1.20 can be simulated: a 1.18 member is there from 1.18 on
    const versions = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);
    expect(versions.filter((v) => isAvailable(requiredSet('NoteCollection', 'add', 'call')!, v))).toEqual(['1.18', '1.19', '1.20']);
  });
});
