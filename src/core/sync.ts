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
 * A channel stays open only while someone listens: posting without a listener opens one for the
 * message and closes it right after, so that a store nobody watches (a script, a test, a server) holds
 * no channel for the rest of its life. The message still arrives: its receivers are fixed when it is posted.
 */
export function browserSync(name: string): SyncTransport {
  // The listener's channel. Posting goes through it while it is open: a channel never hears its own messages.
  let listening: BroadcastChannel | null = null;
  const open = (): BroadcastChannel | null => {
    try {
      return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
    } catch {
      return null;
    }
  };
  return {
    post(message) {
      const channel = listening ?? open();
      try {
        channel?.postMessage(message);
      } catch {
        // A closed or unavailable channel only costs other tabs their live update.
      }
      if (channel !== listening) channel?.close();
    },
    listen(handler) {
      const channel = open();
      if (channel) {
        const onMessage = (event: MessageEvent) => {
          const data = event.data as unknown;
          if (typeof data === 'object' && data !== null) handler(data as SyncMessage);
        };
        channel.addEventListener('message', onMessage);
        listening = channel;
        return () => {
          channel.removeEventListener('message', onMessage);
          channel.close();
          if (listening === channel) listening = null;
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
