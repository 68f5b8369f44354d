import { compact } from './text';

/**
 * One unit, however it is written: on the form's 填报单位 line, in a file name, or in the county's list of
 * expected units. The key drops what varies and does not name another unit (spaces, （盖章）, colons, the
 * county's name before it, 人民政府 after a 镇/乡, 监督管理 shortened to 监管, full-width brackets), so that
 * 城关镇 and 城关镇人民政府, 县市场监管局 and 柞水县市场监督管理局 are one unit.
 */
const SEAL = /[（(]\s*(?:盖章|公章|章)\s*[)）]/g;

export function unitKey(name: string): string {
  return compact(name)
    .replace(SEAL, '')
    .replace(/[:：,，。.、]/g, '')
    .replace(/^(?:[\u4e00-\u9fff]{2}县|县)(?=.)/, '')
    .replace(/([镇乡])人民政府$/, '$1')
    .replace(/监督管理/g, '监管')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** A unit's name as written on the form, without the seal's note or the separators around it. */
export function cleanUnitName(name: string): string {
  return name.replace(SEAL, '').replace(/^[\s:：]+|[\s:：]+$/g, '');
}
