import { createRoot } from 'react-dom/client';
import { App } from './App';
import { officeHost } from './host';

Office.onReady(() => {
  const notice = new URLSearchParams(location.search).get('message') ?? undefined;
  createRoot(document.getElementById('root')!).render(<App host={officeHost()} notice={notice} />);
});
