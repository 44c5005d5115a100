import { type FocusEvent, type ReactNode, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { ConsentSnapshot } from '../../core/consent-store';
import type { Category } from '../../core/policy';
import { ConsentTrans } from '../../i18n/consent-trans';
import { CONSENT_LANGUAGES } from '../../i18n/languages';
import { type ConsentText, useConsentText } from '../../i18n/use-consent-text';
import { useRecordContext } from '../../i18n/use-record-context';
import { useConsentContext } from '../../react/consent-context';
import type { ConsentBannerProps } from '../consent-banner';
import { preloadPreferencesDialog } from '../lazy-parts';
import { categoryText, serviceName } from '../shared/category-text';
import { classNames } from '../shared/class-names';
import { SignalNote } from '../shared/signal-note';
import { useBodyStart } from './use-body-start';
import { useReservedSpace } from './use-reserved-space';

/** What the confirmation says about a decision. */
function confirmationKey(snapshot: ConsentSnapshot<Category>) {
  const record = snapshot.record;
  if (!record) return null;
  if (record.action === 'accept-all') {
    const allGranted = Object.values(record.choices).every(Boolean);
    return allGranted ? 'confirmation.accept-all' : 'confirmation.accept-all-signal';
  }
  return `confirmation.${record.action}` as const;
}

/** Where focus goes when the confirmation is hidden: back where the visitor was, else the page's main content. */
function focusPage(previous: HTMLElement | null) {
  if (previous?.isConnected) {
    previous.focus();
    if (document.activeElement === previous) return;
  }
  const main = document.querySelector<HTMLElement>('main, [role="main"]');
  if (!main) return;
  if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  main.focus();
}

export default function ConsentBannerPanel({ policyHref = '/cookies', className, inline = false }: ConsentBannerProps) {
  const { store, policy, actions } = useConsentContext('ConsentBanner');
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const text = useConsentText('ConsentBanner');
  useRecordContext(text);

  const host = useBodyStart(!inline);
  const titleId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const [hiddenDecision, setHiddenDecision] = useState<string | null>(null);

  const decided = snapshot.status === 'decided';
  const decision = snapshot.record ? `${snapshot.record.id}|${snapshot.record.decidedAt}` : null;
  const visible = !decided || decision !== hiddenDecision;

  useReservedSpace(rootRef, visible && text !== null && (inline || host !== null));

  // After a choice the buttons are gone: focus goes to the confirmation, never to the document body.
  useEffect(() => {
    if (!decided) return;
    const active = document.activeElement;
    if (active === null || active === document.body || rootRef.current?.contains(active)) {
      statusRef.current?.focus();
    }
  }, [decided]);

  if (!visible || !text || (!inline && host === null)) return null;

  const rememberOrigin = (event: FocusEvent<HTMLElement>) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
  };

  const message = decided ? confirmationKey(snapshot) : null;
  const banner = (
    <section
      ref={rootRef}
      className={classNames(decided ? 'rcp-banner rcp-banner--confirmation' : 'rcp-banner', className)}
      aria-labelledby={titleId}
      lang={text.lang}
      data-consent-banner=""
      onFocus={rememberOrigin}
    >
      <div className="rcp-banner__inner">
        <h2 id={titleId} className="rcp-banner__title">
          {text.t('banner.title')}
        </h2>
        {decided ? null : <BannerBody text={text} policyHref={policyHref} snapshot={snapshot} policy={policy} />}
        <div ref={statusRef} role="status" tabIndex={-1} className="rcp-banner__status" data-consent-confirmation="">
          {message ? (
            <p>
              {text.t(message)} {text.t('confirmation.change')}
            </p>
          ) : null}
        </div>
        {decided ? (
          <div className="rcp-banner__actions">
            <button
              type="button"
              className="rcp-button rcp-button--secondary"
              onClick={() => {
                setHiddenDecision(decision);
                focusPage(cameFrom.current);
              }}
            >
              {text.t('confirmation.hide')}
            </button>
          </div>
        ) : (
          <BannerActions text={text} actions={actions} />
        )}
      </div>
    </section>
  );
  return inline || host === null ? banner : createPortal(banner, host);
}

function BannerBody({
  text,
  policyHref,
  snapshot,
  policy,
}: {
  text: ConsentText;
  policyHref: string;
  snapshot: ConsentSnapshot<Category>;
  policy: ReturnType<typeof useConsentContext>['policy'];
}) {
  const thirdParties = policy.services.filter((service) => service.thirdParty).map((s) => serviceName(s, text));
  return (
    <>
      <p>{text.t('banner.intro')}</p>
      <ul className="rcp-banner__purposes">
        {policy.categories.map((category) => {
          const { name, description } = categoryText(category, text);
          return (
            <li key={category.name}>
              <ConsentTrans
                text={text}
                i18nKey="banner.purpose"
                values={{ name, description }}
                components={{ name: <strong /> }}
              />
            </li>
          );
        })}
      </ul>
      {thirdParties.length > 0 ? <p>{text.t('banner.thirdParties', { names: thirdParties.join(', ') })}</p> : null}
      <SignalNote signals={snapshot.signals} text={text} />
      <p>
        <ConsentTrans text={text} i18nKey="banner.withdraw" components={{ em: <strong /> }} />{' '}
        <a className="rcp-link" href={policyHref}>
          {text.t('banner.policyLink')}
        </a>
      </p>
    </>
  );
}

function BannerActions({
  text,
  actions,
}: {
  text: ConsentText;
  actions: ReturnType<typeof useConsentContext>['actions'];
}): ReactNode {
  return (
    <>
      <div className="rcp-banner__actions">
        {/* Accept and Reject share one class: equal weight, no colour that favours accepting. */}
        <button type="button" className="rcp-button rcp-button--choice" onClick={actions.acceptAll}>
          {text.t('banner.acceptAll')}
        </button>
        <button type="button" className="rcp-button rcp-button--choice" onClick={actions.rejectAll}>
          {text.t('banner.rejectAll')}
        </button>
        <button
          type="button"
          className="rcp-button rcp-button--choice"
          aria-haspopup="dialog"
          onClick={actions.openPreferences}
          onPointerEnter={preloadPreferencesDialog}
          onFocus={preloadPreferencesDialog}
        >
          {text.t('banner.settings')}
        </button>
      </div>
      {text.ownsLanguage ? (
        <fieldset className="rcp-language">
          <legend>{text.t('banner.language')}</legend>
          {CONSENT_LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              className="rcp-language__option"
              aria-pressed={text.lang === language}
              onClick={() => text.setLanguage(language)}
            >
              {text.t(`languages.${language}`)}
            </button>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
