// first: what Edge Legacy lacks must be there before the rest of the pane loads
import '../webview/polyfills';
import { createRoot } from 'react-dom/client';
import { officeEnv, officeHost } from '../office/host';
import { NOT_IN_EXCEL, OFFICE_JS_MISSING, showNotice } from '../webview/notice';
import { App } from './App';

const root = document.getElementById('root')!;
// office.js may be missing (no CDN, no same-origin copy): say so instead of a blank pane
if (typeof Office === 'undefined') showNotice(root, OFFICE_JS_MISSING);
else {
  Office.onReady((info) => {
    // opened in a browser (IT checking a deployment): office.js works, but there is no Excel to talk to
    if (!info?.host) showNotice(root, NOT_IN_EXCEL);
    else createRoot(root).render(<App host={officeHost(officeEnv())} />);
  });
}
