import { createRoot } from 'react-dom/client';
import { PageStore } from './book';
import { Page } from './Page';

createRoot(document.getElementById('root')!).render(<Page store={new PageStore()} />);
