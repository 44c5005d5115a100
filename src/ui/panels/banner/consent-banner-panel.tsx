import {
  type FocusEvent,
  type RefObject,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { createPortal } from 'react-dom';
import type { ConsentBannerProps, KitProps } from '../../first-load/panel-contract';
import type { TextLayerProps } from '../shared/text-layer';

// The banner's hooks live in its module: each module of a chunk repeats its own imports of React.

/**
 * An element placed first in `<body>` while mounted, for the banner: its controls then come first in the
 * tab order, wherever the app mounts the banner. Null on the server and in the first render.
 */
function useBodyStart(enabled: boolean): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null);
  // Before the browser paints: the banner then shows in the frame of the commit that first rendered it,
  // not in a later one, after the page's other effects have run.
  useLayoutEffect(() => {
    if (!enabled) return;
    const element = document.createElement('div');
    element.setAttribute('data-consent-banner-host', '');
    document.body.prepend(element);
    setHost(element);
    return () => {
      element.remove();
      setHost(null);
    };
  }, [enabled]);
  return host;
}

/**
 * While a fixed banner is on screen, the page reserves its height, so that no focused element is ever
 * hidden behind it (WCAG 2.2, 2.4.11): `scroll-padding-bottom` makes the browser scroll a focused element
 * above the banner, and an empty spacer at the end of `<body>` makes room to scroll the page's last
 * elements (its footer) that far. A banner in the flow needs neither.
 */
function useReservedSpace(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    const root = document.documentElement;
    const previous = root.style.scrollPaddingBottom;
    const spacer = document.createElement('div');
    spacer.setAttribute('aria-hidden', 'true');
    spacer.setAttribute('data-consent-banner-spacer', '');
    const apply = () => {
      const position = getComputedStyle(element).position;
      const reserved = position === 'fixed' || position === 'sticky';
      const height = `${Math.ceil(element.getBoundingClientRect().height)}px`;
      root.style.scrollPaddingBottom = reserved ? height : previous;
      if (reserved) {
        spacer.style.height = height;
        if (!spacer.isConnected) document.body.append(spacer);
      } else {
        spacer.remove();
      }
    };
    // A ResizeObserver calls `apply` first once the banner is laid out, before it is painted: reading its
    // size and position then costs no layout of its own, where reading them now would lay the page out at once
    // (some 3 ms on a first visit). Without one, now.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : null;
    if (observer) observer.observe(element);
    else apply();
    return () => {
      observer?.disconnect();
      spacer.remove();
      root.style.scrollPaddingBottom = previous;
    };
  }, [ref, active]);
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

const CHOICE = 'rcp-button rcp-button--choice';

export default function ConsentBannerPanel({
  policyHref = '/cookies',
  className,
  inline = false,
  kit,
  textLayer: { useConsentText, SignalNote, renderTagged },
}: ConsentBannerProps & KitProps & TextLayerProps) {
  const { classNames } = kit;
  const { store, policy, actions } = kit.useConsentContext('ConsentBanner');
  const { status, record, signals } = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const text = useConsentText(
    kit,
    'ConsentBanner',
    // Without an i18next instance of the app's, the banner shows its locale file as it is: its first paint
    // never waits for i18next, which the dialog and the policy page bring for their words.
    'files',
  );

  const host = useBodyStart(!inline);
  const titleId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const [hiddenDecision, setHiddenDecision] = useState<string | null>(null);

  const decided = status === 'decided';
  const decision = record ? `${record.id}|${record.decidedAt}` : null;
  const shown = text !== null && (!decided || decision !== hiddenDecision) && (inline || host !== null);

  useReservedSpace(rootRef, shown);

  // After a choice the buttons are gone: focus goes to the confirmation, never to the document body.
  useEffect(() => {
    if (!decided) return;
    const active = document.activeElement;
    if (!active || active === document.body || rootRef.current?.contains(active)) statusRef.current?.focus();
  }, [decided]);

  if (!shown) return null;

  // What the confirmation says: an Accept all that a privacy signal narrowed says so.
  const message =
    decided && record
      ? record.action === 'accept-all' && !Object.values(record.choices).every(Boolean)
        ? 'confirmation.accept-all-signal'
        : (`confirmation.${record.action}` as const)
      : null;
  const thirdParties = policy.services.filter((service) => service.thirdParty).map(text.serviceName);

  const banner = (
    <section
      ref={rootRef}
      className={classNames(decided ? 'rcp-banner rcp-banner--confirmation' : 'rcp-banner', className)}
      aria-labelledby={titleId}
      lang={text.lang}
      data-consent-banner=""
      onFocus={(event: FocusEvent<HTMLElement>) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
      }}
    >
      <div className="rcp-banner__inner">
        <h2 id={titleId} className="rcp-banner__title">
          {text.t('banner.title')}
        </h2>
        {decided ? null : (
          <>
            <p>{text.t('banner.intro')}</p>
            <ul className="rcp-banner__purposes">
              {policy.categories.map((category) => (
                <li key={category.name}>
                  {renderTagged(text.t('banner.purpose', text.categoryText(category)), { name: <strong /> })}
                </li>
              ))}
            </ul>
            {thirdParties.length > 0 ? (
              <p>{text.t('banner.thirdParties', { names: thirdParties.join(', ') })}</p>
            ) : null}
            <SignalNote signals={signals} text={text} within="banner" />
            <p>
              {renderTagged(text.t('banner.withdraw'), { em: <strong /> })}{' '}
              <a className="rcp-link" href={policyHref}>
                {text.t('banner.policyLink')}
              </a>
            </p>
          </>
        )}
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
          <>
            <div className="rcp-banner__actions">
              {/* Accept and Reject share one class: equal weight, no colour that favours accepting. */}
              <button type="button" className={CHOICE} onClick={actions.acceptAll}>
                {text.t('banner.acceptAll')}
              </button>
              <button type="button" className={CHOICE} onClick={actions.rejectAll}>
                {text.t('banner.rejectAll')}
              </button>
              <button
                type="button"
                className={CHOICE}
                aria-haspopup="dialog"
                onClick={actions.openPreferences}
                onPointerEnter={kit.preloadDialog}
                onFocus={kit.preloadDialog}
              >
                {text.t('banner.settings')}
              </button>
            </div>
            {text.ownsLanguage && text.languages.length > 1 ? (
              <fieldset className="rcp-language">
                <legend>{text.t('banner.language')}</legend>
                {text.languages.map((language) => (
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
        )}
      </div>
    </section>
  );
  return inline ? banner : createPortal(banner, host as HTMLElement);
}
