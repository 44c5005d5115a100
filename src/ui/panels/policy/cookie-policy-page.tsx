import { createElement, type ReactElement, useId } from 'react';
import type { PolicyAbout } from '../../../core/policy';
import type { ConsentText } from '../../../i18n/consent-text';
import { DETAIL_TEXTS } from '../../../i18n/detail-texts';
import { formatDurationRange } from '../../../i18n/format-duration';
import { privateInstance } from '../../../i18n/own-instance';
import type { CookiePolicyProps, KitProps } from '../../first-load/panel-contract';
import { type Heading, heading } from '../shared/heading';
import { ServiceTable } from '../shared/service-table';
import type { TextLayerProps } from '../shared/text-layer';
import { ConsentReceipt } from './consent-receipt';
import { StoredNow } from './stored-now';

/** The id of the browser guides, which the policy text's `<guidesLink>` links to. */
export const BROWSER_GUIDES_ID = 'consent-browser-guides';
const GUIDES = ['chrome', 'firefox', 'safari', 'edge'] as const;

/**
 * The elements a paragraph's tags become: `<guidesLink>` goes to the browser guides below; each of the
 * shop's `links` to its address, when that is https, http, mailto or a path on the site (a `javascript:`
 * or `data:` address stays text).
 */
function paragraphLinks(links: Readonly<Record<string, string>> | undefined) {
  const components: Record<string, ReactElement> = {
    // biome-ignore lint/a11y/useAnchorContent: renderTagged puts the translated link text inside
    guidesLink: <a className="rcp-link" href={`#${BROWSER_GUIDES_ID}`} />,
  };
  for (const [name, href] of Object.entries(links ?? {})) {
    if (/^[A-Za-z][A-Za-z0-9]*$/.test(name) && typeof href === 'string' && /^(https?:|mailto:|\/|#)/i.test(href)) {
      // biome-ignore lint/a11y/useAnchorContent: renderTagged puts the translated link text inside
      components[name] = <a className="rcp-link" href={href} />;
    }
  }
  return components;
}

/** The cookie policy page: its text from the locale files, then sections generated from the policy. */
export default function CookiePolicyPage({
  className,
  headingLevel = 1,
  kit,
  textLayer: { useConsentText, renderTagged },
}: CookiePolicyProps & KitProps & TextLayerProps) {
  const consent = kit.useConsentContext('CookiePolicy');
  const { policy } = consent;
  const text = useConsentText(kit, 'CookiePolicy', privateInstance, DETAIL_TEXTS);
  const titleId = useId();
  const h1 = heading(headingLevel);
  const h2 = heading(headingLevel + 1);
  const h3 = heading(headingLevel + 2);
  if (!text) return null;
  const links = paragraphLinks(text.policyText.links);

  return (
    <article className={kit.classNames('rcp-policy', className)} lang={text.lang} aria-labelledby={titleId}>
      {createElement(h1, { id: titleId }, text.policyText.title || text.t('policy.pageTitle'))}
      {text.policyText.paragraphs.map((paragraph, index) => (
        // The paragraphs are the shop's text, in its order: their place is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <p key={index}>{renderTagged(paragraph, links)}</p>
      ))}

      <section className="rcp-policy__section">
        {createElement(h2, null, text.t('policy.categoriesTitle'))}
        <ul className="rcp-policy__categories">
          {policy.categories.map((category) => {
            const { name, description } = text.categoryText(category);
            return (
              <li key={category.name}>
                <strong>{name}</strong> ({text.t(category.required ? 'policy.required' : 'policy.optional')}).{' '}
                {description}{' '}
                {text.t('policy.lifetime', {
                  range: formatDurationRange(category.declaredLifetime.min, category.declaredLifetime.max, text.lang),
                })}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="rcp-policy__section">
        {createElement(h2, null, text.t('policy.servicesTitle'))}
        {policy.categories.map((category) => {
          const services = policy.services.filter((service) => service.category === category.name);
          if (services.length === 0) return null;
          return (
            <div key={category.name} className="rcp-policy__category">
              {createElement(h3, null, text.categoryText(category).name)}
              {services.map((service) => (
                <ServiceTable key={service.id} service={service} text={text} />
              ))}
            </div>
          );
        })}
      </section>

      {policy.about ? <AboutPolicy text={text} heading={h2} about={policy.about} /> : null}
      <BrowserGuides
        text={text}
        heading={h2}
        thirdParties={policy.categories.some((category) => category.thirdParty)}
      />
      <ConsentReceipt text={text} heading={h2} consent={consent} />
      <StoredNow text={text} heading={h2} consent={consent} />
    </article>
  );
}

/** Who stands behind the policy, when it was last updated, and the shop's privacy policy. */
function AboutPolicy({ text, heading: level, about }: { text: ConsentText; heading: Heading; about: PolicyAbout }) {
  const { controller } = about;
  const updated = new Intl.DateTimeFormat(text.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(about.updated),
  );
  return (
    <section className="rcp-policy__section rcp-about">
      {createElement(level, null, text.t('policy.aboutTitle'))}
      <dl className="rcp-about__list">
        <dt>{text.t('policy.controller')}</dt>
        <dd>{controller.name}</dd>
        {controller.businessId ? (
          <>
            <dt>{text.t('policy.businessId')}</dt>
            <dd>{controller.businessId}</dd>
          </>
        ) : null}
        <dt>{text.t('policy.address')}</dt>
        <dd>{controller.address}</dd>
        <dt>{text.t('policy.contact')}</dt>
        <dd>{controller.contact}</dd>
      </dl>
      <p>{text.t('policy.updated', { date: updated })}</p>
      {about.privacyPolicy ? (
        <p>
          <a className="rcp-link" href={about.privacyPolicy}>
            {text.t('policy.privacyPolicy')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * How a visitor blocks and deletes cookies in the browser, and, where the policy has third-party categories,
 * that Global Privacy Control is honored as Do Not Track is (the policy text names only the latter).
 */
function BrowserGuides({
  text,
  heading: level,
  thirdParties,
}: {
  text: ConsentText;
  heading: Heading;
  thirdParties: boolean;
}) {
  return (
    <section className="rcp-policy__section" id={BROWSER_GUIDES_ID} tabIndex={-1}>
      {createElement(level, null, text.t('policy.guidesTitle'))}
      {thirdParties ? <p data-consent-signal="">{text.t('policy.signals')}</p> : null}
      <p>{text.t('policy.guidesIntro')}</p>
      <ul className="rcp-policy__guides">
        {GUIDES.map((browser) => (
          <li key={browser}>
            <a className="rcp-link" href={text.t(`policy.guides.${browser}.href`)}>
              {text.t(`policy.guides.${browser}.name`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
