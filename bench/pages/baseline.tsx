import { createRoot } from 'react-dom/client';
import { AnalyticsScript, Shop } from './shop';

// The same shop without any consent library: the reference for added script time. As the reference for a
// visitor who has decided (`?analytics`), it runs the analytics script at once, as every library then does.
const analytics = new URLSearchParams(location.search).has('analytics');

createRoot(document.getElementById('root') as HTMLElement).render(<Shop>{analytics && <AnalyticsScript />}</Shop>);
