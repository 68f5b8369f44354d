import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { todayLocal } from '../core';
import { officeHost } from '../office/host';
import { Run } from '../office/run';
import { demoUnits } from '../sample/demo';
import { ApiVersion, simulateExcel, WEB_PAYLOAD_LIMIT } from '../sim/excel';
import { SimWorkbookState } from '../sim/model';
import { App } from '../taskpane/App';
import { memorySettings } from '../host/settings';
import { readGridBytes } from '../xlsx/read-bytes';
import { Grid } from './Grid';
import { saveXlsx } from './save';
import { download } from '../host/download';

/**
 * The playground: the real task pane against the in-memory Excel simulation, with the simulated
 * workbook drawn beside it. For evaluating without Excel and for the browser tests; never shipped.
 */
const params = new URLSearchParams(location.search);
const api = (params.get('api') ?? '1.18') as ApiVersion;

function sample(): SimWorkbookState {
  if (params.get('empty') !== null) return SimWorkbookState.from([{ name: 'Sheet1', rows: [] }]);
  const unit = demoUnits(todayLocal())[Number(params.get('sample') ?? 0)];
  return SimWorkbookState.from(unit.book.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges, dateCols: s.dateCols })));
}

function Playground() {
  const [state, setState] = useState(sample);
  const [version, setVersion] = useState(0);
  const sim = useMemo(() => simulateExcel(state, { api, payloadLimit: WEB_PAYLOAD_LIMIT }), [state]);
  const run = useMemo<Run>(() => (async (batch) => {
    try {
      return await sim.Excel.run(batch as never);
    } finally {
      setVersion((v) => v + 1);
    }
  }) as Run, [sim]);
  // the Office host the add-in uses, around the simulation instead of Excel
  const host = useMemo(() => officeHost({ run, requirements: sim.Office.context.requirements, library: sim.library, displayLanguage: params.get('lang') ?? 'zh-CN', settings: memorySettings(), platform: 'OfficeOnline', download }), [run, sim]);

  const open = async (file: File) => {
    let grid;
    try {
      grid = readGridBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (e) {
      alert((e as Error).message);
      return;
    }
    setState(SimWorkbookState.from(grid.sheets.map((s) => ({ name: s.name, rows: s.rows }))));
  };

  return (
    <div style={{ display: 'flex', height: '100vh', fontFamily: '"Microsoft YaHei", "Noto Sans CJK SC", sans-serif' }}>
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <div style={{ padding: 6, borderBottom: '1px solid #ccc', display: 'flex', gap: 12, alignItems: 'center', fontSize: 13 }}>
          <strong>演示（模拟 Excel，ExcelApi {api}）</strong>
          <label>打开 .xlsx <input type="file" accept=".xlsx" aria-label="打开 .xlsx" onChange={(e) => e.target.files?.[0] && open(e.target.files[0])} /></label>
          <button onClick={() => saveXlsx(state)}>保存为 .xlsx</button>
        </div>
        <div style={{ flex: 1, minHeight: 0 }} data-version={version}>
          <Grid state={state} version={version} onSheet={(i) => { state.active = i; setVersion((v) => v + 1); }} />
        </div>
      </div>
      <div style={{ width: 380, borderLeft: '1px solid #ccc', overflow: 'auto' }} data-testid="pane">
        <App host={host} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Playground />);
