import { Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Text, webLightTheme } from '@fluentui/react-components';
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { App } from '../taskpane/App';
import type { PageStore } from './book';
import { download } from '../host/download';
import { webHost } from './host';
import { openFiles, show } from './open';
import { pageSettings } from './storage';
import { View } from './View';

const XLSX = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The offline page: the clerk's workbook on the left, read-only, with our colours after 校验; the same task
 * pane as in Excel and WPS on the right. Opened from a file, it loads nothing and sends nothing.
 */
export function Page({ store }: { store: PageStore }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  // Chinese, as the page around the pane is; cert-sweep.html?lang=en gives the pane in English
  const host = useMemo(() => webHost(store, { displayLanguage: new URLSearchParams(location.search).get('lang') ?? 'zh-CN', settings: pageSettings(), download }), [store]);
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const current = state.files[state.current];

  const drop = (e: React.DragEvent) => {
    e.preventDefault();
    setOver(false);
    void openFiles(store, Array.from(e.dataTransfer.files));
  };
  const pick = (files: FileList | null) => void openFiles(store, Array.from(files ?? []));
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100vh' }}>
      <div style={{ display: 'flex', height: '100vh', fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif' }}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
        <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <div style={{ padding: '6px 10px', borderBottom: '1px solid #ccc', display: 'flex', gap: 10, alignItems: 'center', flexWrap: 'wrap', background: '#fafafa' }}>
            <Button onClick={() => picker.current?.click()}>打开工作簿…</Button>
            <input ref={picker} type="file" multiple accept={XLSX} aria-label="打开工作簿" style={{ display: 'none' }}
              onChange={(e) => { pick(e.target.files); e.target.value = ''; }} />
            {state.files.length > 1
              ? state.files.map((f, i) => (
                <Button key={f.name + i} size="small" appearance={i === state.current ? 'primary' : 'subtle'} onClick={() => void show(store, i)}>{f.name}</Button>
              ))
              : current && <Text weight="semibold">{current.name}</Text>}
            {state.files.length > 1 && <Caption1>逐个校验；要汇总各单位的报表，用右边的“合并各单位”。</Caption1>}
            {state.output && (
              <Button appearance="primary" onClick={() => download(state.output!.bytes, state.output!.name)}>下载「{state.output.name}」</Button>
            )}
            <Caption1 style={{ marginLeft: 'auto', color: '#555' }}>网页版 · 离线：文件只在本机浏览器中处理，不上传</Caption1>
          </div>
          <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>
            {state.error && <MessageBar intent="error" style={{ margin: 12 }}><MessageBarBody>{state.error}</MessageBarBody></MessageBar>}
            {state.view.length > 0
              ? <View sheets={state.view} active={state.sheet} selected={state.selected} onSheet={(sheet) => store.set({ sheet })} />
              : !state.error && <Welcome onPick={() => picker.current?.click()} />}
            {over && (
              <div style={{ position: 'absolute', inset: 0, background: 'rgba(33,115,70,0.12)', border: '3px dashed #217346', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 20, color: '#217346', pointerEvents: 'none' }}>
                松开鼠标，打开工作簿
              </div>
            )}
          </div>
        </div>
        <div style={{ width: 400, borderLeft: '1px solid #ccc', overflow: 'auto' }} data-testid="pane">
          <App host={host} />
        </div>
      </div>
    </FluentProvider>
  );
}

function Welcome({ onPick }: { onPick(): void }) {
  return (
    <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <div style={{ maxWidth: 520, border: '2px dashed #8a8a8a', borderRadius: 8, padding: 32, textAlign: 'center', lineHeight: 1.8, color: '#333' }}>
        <Text as="h2" size={500} weight="semibold" block>把摸排统计表（.xlsx）拖到这里</Text>
        <Text block>或 <Button appearance="primary" onClick={onPick}>选择文件…</Button></Text>
        <Caption1 block style={{ marginTop: 12 }}>
          打开后点右边的“校验”：左边显示标好红黄绿的工作簿，右边列出问题，点一条跳到对应单元格；
          “下载”得到校验副本（名称.checked.xlsx），原文件不会被改动。县司法局汇总各单位报表用右边的“合并各单位”。
        </Caption1>
      </div>
    </div>
  );
}
