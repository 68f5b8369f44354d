import { colNumber, OutSheet } from '../../core';
import { esc } from './xml';

/**
 * 汇总's chart: 红, 黄 and 绿 stacked per 执法主体 (DrawingML chart, ECMA-376 Part 1 §21.2), each series in
 * its colour, the 执法主体 as categories, with the values cached so that a viewer that does not
 * recalculate shows them too. Placed by a drawing part below the table.
 */
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

type Chart = NonNullable<OutSheet['chart']>;
/** the chart's height in rows, below its anchor */
export const CHART_ROWS = 18;

/** The cells of a one-column range ("F6:F9") as the sheet's rows hold them. */
function column(s: OutSheet, range: string): { ref: string; values: (string | number)[] } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range)!;
  const col = colNumber(m[1]) - 1;
  const first = Number(m[2]);
  const last = Number(m[4] ?? m[2]);
  const values: (string | number)[] = [];
  for (let r = first; r <= last; r++) {
    const v = s.rows[r - 1]?.[col]?.v;
    values.push(v === null || v === undefined ? '' : v);
  }
  const q = `'${s.name.replace(/'/g, "''")}'`;
  return { ref: `${q}!$${m[1]}$${first}${m[4] ? `:$${m[3]}$${last}` : ''}`, values };
}

const strCache = (values: (string | number)[]) =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`).join('')}</c:strCache>`;
const numCache = (values: (string | number)[]) =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${Number(v) || 0}</c:v></c:pt>`).join('')}</c:numCache>`;

export function chartXml(s: OutSheet, chart: Chart): string {
  const cats = column(s, chart.categories);
  const series = chart.series.map((x, i) => {
    const col = /^[A-Z]+/.exec(x.range)![0];
    const name = column(s, `${col}${s.headerRow}`);
    const vals = column(s, x.range);
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${esc(name.ref)}</c:f>${strCache([x.name])}</c:strRef></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${x.colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${esc(cats.ref)}</c:f>${strCache(cats.values)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${esc(vals.ref)}</c:f>${numCache(vals.values)}</c:numRef></c:val></c:ser>`;
  }).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}` +
    '<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>' +
    '<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="等线"/><a:ea typeface="等线"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>' +
    '</c:chartSpace>';
}

/** The drawing that places the chart: from its anchor cell, 10 columns wide and 18 rows high. */
export function drawingXml(chart: Chart, chartRel: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(chart.anchor)!;
  const col = colNumber(m[1]) - 1;
  const row = Number(m[2]) - 1;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${col + 10}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + CHART_ROWS}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRel}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
}
