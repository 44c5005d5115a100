import { createRoot } from 'react-dom/client';
import { Shop } from './shop';

// The same shop without any consent library: the reference for added script time.
createRoot(document.getElementById('root') as HTMLElement).render(<Shop />);
