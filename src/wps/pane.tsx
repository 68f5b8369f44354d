import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { EtApp } from './et';
import { wpsHost } from './host';

/** The task pane page in WPS: the shared pane over the WPS host. Opened elsewhere, it says where it belongs. */
const root = document.getElementById('root')!;
const app = (window as unknown as { Application?: EtApp }).Application;
if (!app) {
  root.textContent = '这是执法证件清理助手（WPS 加载项）的任务窗格，请在 WPS 表格中点“证件清理 → 打开面板”使用。';
} else {
  createRoot(root).render(<App host={wpsHost(app)} />);
}
