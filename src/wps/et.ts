/// <reference types="et-jsapi-declare" />
/**
 * The ET object model as this add-in uses it (et-jsapi-declare 2.5.0). Its enums are declared, not defined:
 * `Et.XlSheetVisibility.xlSheetVeryHidden` would be a reference to a global `Et` that WPS does not define at
 * run time, so the few constants used are spelled here, with the enum they come from.
 */
/** window.Application in a WPS 表格 add-in: the ET application with the add-in's own members (CreateTaskPane…) */
export type EtApp = WPSMergedRoot;
export type EtBook = Et.Workbook;
export type EtSheet = Et.Worksheet;
export type EtRange = Et.Range;

/** Et.XlSheetVisibility */
export const XL_SHEET_VISIBLE = -1 as Et.XlSheetVisibility;
export const XL_SHEET_HIDDEN = 0 as Et.XlSheetVisibility;
export const XL_SHEET_VERY_HIDDEN = 2 as Et.XlSheetVisibility;
/** Et.Constants.xlNone: no fill (Interior.ColorIndex) and no line (XlLineStyle.xlLineStyleNone) */
export const XL_NONE = -4142;
/** Et.XlFormatConditionType.xlExpression */
export const XL_EXPRESSION = 2 as Et.XlFormatConditionType;
/** Et.XlLineStyle.xlContinuous */
export const XL_CONTINUOUS = 1;
/** the border indexes a conditional format takes (Et.Constants: xlLeft, xlRight, xlTop, xlBottom) */
export const CF_EDGES = [-4131, -4152, -4160, -4107] as unknown as Et.XlBordersIndex[];

/** "RRGGBB" → the BGR integer ET colours are (VBA's RGB(r, g, b) = r + g·256 + b·65536). */
export function bgr(rgb: string): number {
  const n = parseInt(rgb.replace(/^#/, ''), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
}

/** BGR → "#RRGGBB", as src/office's records hold colours. */
export function hexOf(color: number): string {
  const r = color & 0xff;
  const g = (color >> 8) & 0xff;
  const b = (color >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** our conditional formats' formula and our notes' first characters, as in Excel */
export { isOurs, MARK_FORMULA, OUR_NOTE } from '../host/marks';
