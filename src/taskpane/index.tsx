// first: what Edge Legacy lacks must be there before the rest of the pane loads
import '../commands/webview-polyfills';
import { createRoot } from 'react-dom/client';
import { showOfficeJsMissing } from '../commands/office-js-missing';
import { App } from './App';
import { officeHost } from './host';

const root = document.getElementById('root')!;
// office.js may be missing (no CDN, no same-origin copy): say so instead of a blank pane
if (typeof Office === 'undefined') showOfficeJsMissing(root);
else {
  Office.onReady(() => {
    createRoot(root).render(<App host={officeHost()} />);
  });
}
