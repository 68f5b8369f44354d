import { Member, requireSheet, SimContext } from './context';
import { areaAddress, SimChart } from './model';
import { SimRange } from './range';

/**
 * Charts as the add-in makes them: added from a source range, titled, placed, and per series the
 * category labels (ChartSeries.setXAxisValues, ExcelApi 1.7) and a solid fill. Every call is a command
 * whose members are checked against the simulated version.
 */
export function chartCollection(ctx: SimContext, path: Member[], sheet: string) {
  const step = (p: Member[], cls: string, name: string, kind: Member['kind'] = 'get'): Member[] => [...p, { cls, name, kind }];
  return {
    add(type: string, source: SimRange, seriesBy = 'Auto') {
      const chartPath = step(path, 'ChartCollection', 'add', 'call');
      const chart: SimChart = { type, source: '', title: '', series: [] };
      ctx.enqueue(chartPath, { type, seriesBy }, () => {
        const t = source.target();
        chart.source = areaAddress(t.sheet, t.area);
        const columns = t.area.c1 - t.area.c0 + 1;
        chart.series = Array.from({ length: seriesBy === 'Rows' ? t.area.r1 - t.area.r0 + 1 : columns }, () => ({}));
        requireSheet(ctx, sheet).charts.push(chart);
      });
      const title = step(chartPath, 'Chart', 'title');
      const series = step(chartPath, 'Chart', 'series');
      return {
        title: { set text(v: string) { ctx.enqueue(step(title, 'ChartTitle', 'text', 'set'), { v }, () => void (chart.title = v)); } },
        setPosition(start: string, end?: string) {
          ctx.enqueue(step(chartPath, 'Chart', 'setPosition', 'call'), { start, end }, () => void (chart.position = start));
        },
        series: {
          getItemAt(i: number) {
            const item = step(series, 'ChartSeriesCollection', 'getItemAt', 'call');
            const fill = step(step(item, 'ChartSeries', 'format'), 'ChartSeriesFormat', 'fill');
            return {
              setXAxisValues(range: SimRange) {
                ctx.enqueue(step(item, 'ChartSeries', 'setXAxisValues', 'call'), {}, () => {
                  const t = range.target();
                  chart.series[i].categories = areaAddress(t.sheet, t.area);
                });
              },
              format: { fill: { setSolidColor(color: string) { ctx.enqueue(step(fill, 'ChartFill', 'setSolidColor', 'call'), { color }, () => void (chart.series[i].fill = color.toUpperCase())); } } },
            };
          },
        },
      };
    },
  };
}
