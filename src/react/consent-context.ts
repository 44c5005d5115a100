import { createContext, useContext } from 'react';
import type { ConsentStore } from '../core/consent-store';
import type { Category, RegisteredPolicy } from '../core/policy';
import type { PreferencesState } from '../ui/preferences-state';

export interface ConsentActions {
  acceptAll(): void;
  rejectAll(): void;
  save(choices: Partial<Record<Category, boolean>>): void;
  reset(): void;
  /**
   * Opens the preferences dialog (mounted once by the app as `<PreferencesDialog />`). With no dialog
   * rendered yet it has nothing to open, and says so in development.
   */
  openPreferences(): void;
}

/** What the provider shares: the store, never a copy of its state. Created once; never changes identity. */
export interface ConsentContextValue {
  readonly store: ConsentStore<Category>;
  readonly policy: RegisteredPolicy;
  readonly actions: ConsentActions;
  /**
   * Whether the preferences dialog is open, and what opened it. Set by the first `<PreferencesDialog />`
   * rendered, which owns it; undefined in an app without the dialog.
   */
  preferences?: PreferencesState;
}

export const ConsentContext = createContext<ConsentContextValue | null>(null);

/** The provider's value; throws a sentence that says what to do when there is none. */
export function useConsentContext(caller: string): ConsentContextValue {
  const value = useContext(ConsentContext);
  if (!value) {
    // Production builds keep the first sentence; development adds what to do.
    let hint = '';
    if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
      hint = ' Wrap your app (or this part of it) in <ConsentProvider policy={yourPolicy}>.';
    }
    throw new Error(`${caller} must be used inside <ConsentProvider>.${hint}`);
  }
  return value;
}
