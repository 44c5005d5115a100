import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { Category, PolicyCategory, PolicyService } from '../../../core/policy';
import type { ConsentText } from '../../../i18n/consent-text';
import { DETAIL_TEXTS } from '../../../i18n/detail-texts';
import { privateInstance } from '../../../i18n/own-instance';
import type { ConsentContextValue } from '../../../react/consent-context';
import type { KitProps, PreferencesDialogPanelProps } from '../../first-load/panel-contract';
import { ServiceTable } from '../shared/service-table';
import type { TextLayer, TextLayerProps } from '../shared/text-layer';

/**
 * While the dialog is open, the page behind it does not scroll. Set through the CSSOM, which a strict
 * Content Security Policy allows (it refuses `<style>` elements and style attributes); the scrollbar's
 * room stays, so nothing behind the dialog moves.
 */
function useScrollLock(locked: boolean) {
  useEffect(() => {
    if (!locked) return;
    const { style } = document.documentElement;
    const previous = [style.overflow, style.scrollbarGutter] as const;
    style.scrollbarGutter = 'stable';
    style.overflow = 'hidden';
    return () => {
      [style.overflow, style.scrollbarGutter] = previous;
    };
  }, [locked]);
}

/** Focus goes back to the control that opened the dialog; when it is gone, to the banner's confirmation. */
function returnFocus(event: Event, opener: Element | null) {
  event.preventDefault();
  if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) {
    opener.focus();
    if (document.activeElement === opener) return;
  }
  document.querySelector<HTMLElement>('[data-consent-confirmation]')?.focus();
}

/** The dialog, with the preferences state and whether it is open from its wrapper (`PreferencesDialog`). */
export default function PreferencesDialogPanel({
  className,
  kit,
  textLayer: { useConsentText, SignalNote },
  preferences,
  open,
}: PreferencesDialogPanelProps & KitProps & TextLayerProps) {
  const consent = kit.useConsentContext('PreferencesDialog');
  const text = useConsentText(kit, 'PreferencesDialog', privateInstance, DETAIL_TEXTS);
  useScrollLock(open);
  // The texts of the language shown (both files) load with the dialog's code; Radix mounts once they are here.
  if (!text) return null;

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? preferences.open() : preferences.close())}>
      <Dialog.Portal>
        {/*
          Not Radix's Overlay: its scroll lock inserts a <style>, which a strict Content Security Policy
          (`style-src 'self'`) refuses, nonce or not. The backdrop is plain; `useScrollLock` locks the page.
        */}
        <div className="rcp-overlay" aria-hidden="true" />
        {/* Radix does not set aria-modal itself; assistive technology needs it to treat the page as inert. */}
        <Dialog.Content
          aria-modal="true"
          lang={text.lang}
          className={kit.classNames('rcp-dialog', className)}
          onCloseAutoFocus={(event) => returnFocus(event, preferences.opener())}
        >
          <PreferencesForm text={text} consent={consent} close={preferences.close} SignalNote={SignalNote} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The dialog's content; mounted on every opening, so it starts from the saved choices each time. */
function PreferencesForm({
  text,
  consent,
  close,
  SignalNote,
}: {
  text: ConsentText;
  consent: ConsentContextValue;
  close: () => void;
  SignalNote: TextLayer['SignalNote'];
}) {
  const { store, policy, actions } = consent;
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const [draft, setDraft] = useState<Record<string, boolean>>(() => ({ ...snapshot.choices }));

  const decideAndClose = (decide: () => void) => {
    decide();
    close();
  };
  const optional = policy.categories.filter((category) => !category.required);

  return (
    <>
      <div className="rcp-dialog__header">
        <Dialog.Title className="rcp-dialog__title">{text.t('dialog.title')}</Dialog.Title>
        <Dialog.Close className="rcp-dialog__close" aria-label={text.t('dialog.close')}>
          <span aria-hidden="true">×</span>
        </Dialog.Close>
      </div>
      <div className="rcp-dialog__body">
        <Dialog.Description>{text.t('dialog.description')}</Dialog.Description>
        <SignalNote signals={snapshot.signals} text={text} within="dialog" />
        {policy.categories.map((category) => (
          <CategorySection
            key={category.name}
            category={category}
            services={policy.services.filter((service) => service.category === category.name)}
            text={text}
            checked={category.required || draft[category.name] === true}
            onToggle={() => setDraft((current) => ({ ...current, [category.name]: !current[category.name] }))}
          />
        ))}
      </div>
      <div className="rcp-dialog__actions">
        <button
          type="button"
          className="rcp-button rcp-button--choice"
          onClick={() =>
            decideAndClose(() =>
              actions.save(
                Object.fromEntries(
                  optional.map((category) => [category.name, draft[category.name] === true]),
                ) as Record<Category, boolean>,
              ),
            )
          }
        >
          {text.t('dialog.save')}
        </button>
        <button
          type="button"
          className="rcp-button rcp-button--choice"
          onClick={() => decideAndClose(actions.acceptAll)}
        >
          {text.t('dialog.acceptAll')}
        </button>
        <button
          type="button"
          className="rcp-button rcp-button--choice"
          onClick={() => decideAndClose(actions.rejectAll)}
        >
          {text.t('dialog.rejectAll')}
        </button>
      </div>
    </>
  );
}

function CategorySection({
  category,
  services,
  text,
  checked,
  onToggle,
}: {
  category: PolicyCategory;
  services: readonly PolicyService[];
  text: ConsentText;
  checked: boolean;
  onToggle: () => void;
}) {
  const id = useId();
  const { name, description } = text.categoryText(category);
  const required = text.tPolicy(['categories', category.name, 'required'], text.t('dialog.alwaysOn'));
  return (
    <section className="rcp-category" aria-labelledby={`${id}-name`} data-category={category.name}>
      <div className="rcp-category__head">
        <h3 id={`${id}-name`} className="rcp-category__name">
          {name}
        </h3>
        <button
          type="button"
          role="switch"
          className="rcp-switch"
          aria-checked={checked}
          aria-labelledby={`${id}-name`}
          aria-describedby={category.required ? `${id}-description ${id}-required` : `${id}-description`}
          disabled={category.required}
          onClick={onToggle}
        >
          <span className="rcp-switch__thumb" aria-hidden="true" />
        </button>
      </div>
      <p id={`${id}-description`} className="rcp-category__description">
        {description}
      </p>
      {category.required ? (
        <p id={`${id}-required`} className="rcp-category__required">
          {required}
        </p>
      ) : null}
      {services.length > 0 ? (
        <details className="rcp-category__details">
          <summary>{text.t('dialog.details')}</summary>
          {services.map((service) => (
            <ServiceTable key={service.id} service={service} text={text} />
          ))}
        </details>
      ) : null}
    </section>
  );
}
