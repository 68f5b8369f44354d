import { mkdirSync, utimesSync, writeFileSync } from 'fs';
import path from 'path';
import { dayFromIso } from '../../src/core';
import { writeBook } from '../../src/xlsx/write-book';
import { person, Row, unitBook } from './campaign';

/**
 * Two rounds of the campaign over the same units (issue 12), as an inbox on disk: round 1 with the deliverables
 * on time, late and missing; round 2 with problems fixed, kept and new, a person gone and one joined. The command
 * line's tests and the pane's read the same files.
 */
export const ON = dayFromIso('2024-06-05')!;
export const CG = '城关镇人民政府';
export const SC = '柞水县市场监督管理局';
export const YP = '营盘镇人民政府';
export const EXPECTED_UNITS = '城关镇\n县市场监管局\n营盘镇\n红岩寺镇\n下梁镇\n';

const at = (iso: string) => new Date(`${iso}T10:00:00`);

async function put(file: string, unit: string, people: Row[], mtime: string, unitLine = unit) {
  await writeBook(unitBook(unit, people, unitLine), file);
  utimesSync(file, at(mtime), at(mtime));
}
function touch(file: string, mtime: string, text = 'x') {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, at(mtime), at(mtime));
}

const wu = person(ON, CG, '吴五', 5);

export function campaignRounds(dir: string) {
  return { round1: path.join(dir, '第一轮'), round2: path.join(dir, '第二轮'), wu };
}

export async function writeRounds(dir: string): Promise<void> {
  const on = ON;
  const { round1, round2 } = campaignRounds(dir);
  // round 1: 城关镇 in a folder of its own (its form says （盖章）：城关镇人民政府), the others as files named by unit
  await put(path.join(round1, '城关镇', '摸排统计表.xlsx'), CG, [
    person(on, CG, '甲一', 1, { staffCategory: '劳务派遣' }), // P01 红: fixed in round 2
    person(on, CG, '乙二', 2, { annualTrainingHours: 40 }), // P10 黄: remains
    person(on, CG, '丙三', 3), // clean: a new problem in round 2
    person(on, CG, '丁四', 4, { certVersion: '旧版' }), // P04 红: leaves the roster
    wu, // X01 红 with 己六 of 市场监管局: remains
  ], '2024-06-04', '（盖章）：城关镇人民政府');
  touch(path.join(round1, '城关镇', '2024年度行政执法学习培训计划.pdf'), '2024-06-03');
  await put(path.join(round1, '县市场监管局摸排统计表.xlsx'), SC, [
    person(on, SC, '己六', 11, { idNumber: wu.idNumber }), person(on, SC, '庚七', 12), person(on, SC, '辛八', 13, { expiryDate: 45000 }),
  ], '2024-06-07');
  await put(path.join(round1, '营盘镇.xlsx'), YP, [person(on, YP, '壬九', 21, { annualTrainingHours: 30 })], '2024-06-05');
  touch(path.join(round1, '城关镇与营盘镇培训计划.docx'), '2024-06-01');
  // 红岩寺镇 sent its roster a day late, in a format the tool can't read
  touch(path.join(round1, '红岩寺镇摸排统计表.xls'), '2024-06-06');

  // round 2: 城关镇 fixes 甲一, keeps 乙二's hours, 丙三's certificate has expired, 丁四 is gone, 癸十 joins; 市场监管局 fixes 辛八; 营盘镇 sends nothing
  await put(path.join(round2, '城关镇', '摸排统计表（更正）.xlsx'), CG, [
    person(on, CG, '甲一', 1),
    person(on, CG, '乙二', 2, { annualTrainingHours: 40 }),
    person(on, CG, '丙三', 3, { expiryDate: 45000 }),
    wu,
    person(on, CG, '癸十', 6, { annualTrainingHours: 20 }), // joins, with a problem: new
  ], '2024-06-28', '（盖章）：城关镇人民政府');
  await put(path.join(round2, '县市场监管局摸排统计表.xlsx'), SC, [
    person(on, SC, '己六', 11, { idNumber: wu.idNumber }), person(on, SC, '庚七', 12), person(on, SC, '辛八', 13),
  ], '2024-06-27');
  touch(path.join(round2, '县市场监督管理局自查自纠工作报告.docx'), '2024-07-28');
}
