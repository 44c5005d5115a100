/** A change announced to the other tabs: the new encoded value, null after a reset, undefined for "read it again". */
export interface SyncMessage {
  value?: string | null;
}

/** How stores of the same site hear each other. `listen` returns the function that stops listening. */
export interface SyncTransport {
  post(message: SyncMessage): void;
  listen(handler: (message: SyncMessage) => void): () => void;
}

/**
 * BroadcastChannel between tabs of the same origin. Where it is missing, the tab re-reads the cookie
 * when it becomes visible or gets focus (the cookie is shared; only the notification is missing).
 * Nothing is created until the first listener arrives.
 */
export function browserSync(name: string): SyncTransport {
  let channel: BroadcastChannel | null = null;
  const open = (): BroadcastChannel | null => {
    if (channel) return channel;
    if (typeof BroadcastChannel !== 'function') return null;
    try {
      channel = new BroadcastChannel(name);
    } catch {
      channel = null;
    }
    return channel;
  };
  return {
    post(message) {
      try {
        open()?.postMessage(message);
      } catch {
        // A closed or unavailable channel only costs other tabs their live update.
      }
    },
    listen(handler) {
      const current = open();
      if (current) {
        const onMessage = (event: MessageEvent) => {
          const data = event.data as unknown;
          if (typeof data === 'object' && data !== null) handler(data as SyncMessage);
        };
        current.addEventListener('message', onMessage);
        return () => {
          current.removeEventListener('message', onMessage);
          current.close();
          if (channel === current) channel = null;
        };
      }
      if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
      const reread = () => {
        if (document.visibilityState !== 'hidden') handler({});
      };
      window.addEventListener('focus', reread);
      document.addEventListener('visibilitychange', reread);
      return () => {
        window.removeEventListener('focus', reread);
        document.removeEventListener('visibilitychange', reread);
      };
    },
  };
}
