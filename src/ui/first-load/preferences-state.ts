import type { ConsentContextValue, PreferencesOpener } from '../../react/consent-context';

/**
 * Whether the preferences dialog is open, and which element opened it (focus goes back there on close).
 * A tiny external store so that opening the dialog re-renders only the dialog.
 */
export interface PreferencesState extends PreferencesOpener {
  isOpen(): boolean;
  /** The element that had focus when the dialog was opened (the dialog checks it can still take focus). */
  opener(): Element | null;
  close(): void;
  subscribe(listener: () => void): () => void;
}

function createPreferencesState(): PreferencesState {
  let open = false;
  let opener: Element | null = null;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    if (open !== next) {
      open = next;
      for (const listener of [...listeners]) listener();
    }
  };
  return {
    isOpen: () => open,
    opener: () => opener,
    open() {
      if (!open) opener = globalThis.document?.activeElement ?? null;
      set(true);
    },
    close: () => set(false),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The provider's preferences state, created by the first `<PreferencesDialog />` rendered: the dialog owns
 * it, so that an app without the dialog carries none of this code.
 */
export function preferencesOf(consent: ConsentContextValue): PreferencesState {
  // Only this module puts a state there, so what is there is a whole PreferencesState.
  consent.preferences.current ??= createPreferencesState();
  return consent.preferences.current as PreferencesState;
}
