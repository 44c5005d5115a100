import { type HTMLAttributeReferrerPolicy, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ConsentRecord } from '../../core/consent-record';
import { addressFault } from '../../core/declared-address';
import type { Policy, PolicyService, RegisteredPolicy } from '../../core/policy';
import { sha256Hex } from '../../core/text-hash';
import { EMBED_TEXTS } from '../../i18n/embed-texts';
import { loadedTexts } from '../../i18n/load-messages';
import { fullPolicyText } from '../../i18n/policy-text';
import { useConsentContext } from '../../react/consent-context';
import { classNames } from './class-names';
import type { EmbedKind } from './panel-contract';
import { embedPanel, useLoadedPanel } from './panel-loader';
import { useShownLanguage } from './use-shown-language';

export type { EmbedKind } from './panel-contract';

const NAME = 'ConsentEmbed';

/** The service ids of the registered policy (any string until a policy is registered). */
export type EmbedService = RegisteredPolicy extends Policy<string, infer S, string> ? S : string;

export interface ConsentEmbedProps {
  /** The policy's service the embed belongs to: its category decides, its hosts must include `src`'s. */
  service: EmbedService;
  /** An https address on one of the service's declared hosts (`youtubeEmbed(id)`, `googleMapsEmbed(place)`). */
  src: string;
  /** The iframe's title, and the name of the embed's figure while it is a placeholder. */
  title: string;
  /** The embed's width in CSS pixels: it fills its container up to this width. */
  width: number;
  /** The embed's height at `width`: the ratio width / height is kept at every width. */
  height: number;
  /** What the placeholder's first button loads: "Load this video", "... map", "... content". Default 'content'. */
  kind?: EmbedKind;
  /** Added to the embed's root (`rcp-embed`). */
  className?: string;
  /** The iframe's `allow`. Default: what a video player needs (full screen, encrypted media, picture in picture). */
  allow?: string;
  /** Default: 'strict-origin-when-cross-origin' (YouTube's player refuses to play without a referrer). */
  referrerPolicy?: HTMLAttributeReferrerPolicy;
}

const VIDEO_ALLOW =
  'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share';

/**
 * Why an embed may never render its iframe, in a sentence that says what to do (in production, where no
 * one reads it, a word: the sentences stay out of a production bundle); null when it may.
 */
function embedProblem(
  service: PolicyService | undefined,
  id: string,
  src: string,
  width: number,
  height: number,
): string | null {
  const caller = `<${NAME} service="${id}">`;
  if (!service) {
    return process.env.NODE_ENV !== 'production'
      ? `${caller}: the policy declares no service "${id}". Declare it in definePolicy's services, with its category, hosts and storage.`
      : 'service';
  }
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    return process.env.NODE_ENV !== 'production'
      ? `${caller}: width and height must be positive numbers of CSS pixels, got ${width} x ${height}.`
      : 'size';
  }
  const fault = addressFault(src, service);
  if (fault === 'not-absolute') {
    return process.env.NODE_ENV !== 'production'
      ? `${caller}: src ${JSON.stringify(src)} is not an absolute address.`
      : 'src';
  }
  if (fault === 'not-https') {
    return process.env.NODE_ENV !== 'production'
      ? `${caller}: src ${JSON.stringify(src)} is not https; an embed loads over https only.`
      : 'https';
  }
  if (fault === 'undeclared-host') {
    return process.env.NODE_ENV !== 'production'
      ? `${caller}: ${new URL(src).hostname} is not among the hosts the policy declares for "${id}" (${service.hosts.join(', ') || 'none'}). Add it to services["${id}"].hosts, so that the policy page names it, or embed from a declared host.`
      : 'host';
  }
  return null;
}

const reported = new Set<string>();

/** The visitor's choice to load one embed this time: it holds until the next decision. */
interface Once {
  record: ConsentRecord | null;
}

/**
 * An iframe of a third party (a YouTube video, a Google map) that renders only while its service's
 * category is granted. Until then, a placeholder of the same box says, in the visitor's language, who the
 * service is, what it would store and where it sends data, and offers "Load this video" (this embed, this
 * page view: not recorded, not a consent decision) and "Always allow: <category>" (a decision, with its
 * record and `onDecision`). An unknown service, a `src` not on https or not on a declared host never loads:
 * the placeholder stays, and in development an error says why. The box is drawn by an inline SVG's
 * `viewBox`, so that it is right in server-rendered HTML under a strict CSP (no `style` attribute);
 * `import 'react-consent-policy/embed.css'` styles it. The placeholder's code and words load on demand.
 */
export function ConsentEmbed({
  service: id,
  src,
  title,
  width,
  height,
  kind = 'content',
  className,
  allow = VIDEO_ALLOW,
  referrerPolicy = 'strict-origin-when-cross-origin',
}: ConsentEmbedProps) {
  const { store, policy, actions } = useConsentContext(NAME);
  const { lang, texts } = useShownLanguage(NAME);
  const service = policy.services.find((candidate) => candidate.id === id);
  const problem = embedProblem(service, id, src, width, height);
  if (process.env.NODE_ENV !== 'production' && problem && !reported.has(problem)) {
    reported.add(problem);
    console.error(`react-consent-policy: ${problem}`);
  }
  const category = service?.category;
  const granted = useSyncExternalStore(
    store.subscribe,
    () => category !== undefined && store.getSnapshot().choices[category] === true,
    () => category !== undefined && store.getServerSnapshot().choices[category] === true,
  );
  const record = useSyncExternalStore(
    store.subscribe,
    () => store.getSnapshot().record,
    () => store.getServerSnapshot().record,
  );
  // "Load this video" holds for this page view, until the visitor's next decision (a withdrawal among them).
  const [once, setOnce] = useState<Once | null>(null);
  const shown = problem === null && (granted || once?.record === record);

  const frame = useRef<HTMLIFrameElement>(null);
  const focusFrame = useRef(false);
  useEffect(() => {
    if (shown && focusFrame.current) frame.current?.focus();
    focusFrame.current = false;
  }, [shown]);

  const shopTexts = loadedTexts(texts, lang);
  const placeholder = useLoadedPanel(
    embedPanel,
    shown
      ? null
      : {
          service,
          serviceId: id,
          kind,
          lang,
          words: loadedTexts(EMBED_TEXTS, lang) ?? null,
          texts: shopTexts,
          blocked: problem !== null,
          onLoad() {
            focusFrame.current = true;
            setOnce({ record: store.getSnapshot().record });
          },
          async onAllow() {
            if (!category) return;
            focusFrame.current = true;
            // The record says what was shown: this language, and the policy text that applies in it.
            const text = shopTexts?.policyText ? fullPolicyText(shopTexts.policyText) : '';
            const textHash = text ? await sha256Hex(text) : null;
            // A second activation while the hash was computed decides nothing more.
            if (store.getSnapshot().choices[category]) return;
            store.setRecordContext({ language: lang, textHash: textHash ?? undefined });
            actions.save({ [category]: true });
          },
        },
  );
  const box = problem && !(width > 0 && height > 0) ? [16, 9] : [width, height];

  return (
    <figure className={classNames('rcp-embed', className)} aria-label={title} data-consent-embed={id}>
      <svg
        className="rcp-embed__sizer"
        viewBox={`0 0 ${box[0]} ${box[1]}`}
        width={box[0]}
        height={box[1]}
        aria-hidden="true"
        focusable="false"
      />
      {shown ? (
        <iframe
          ref={frame}
          className="rcp-embed__frame"
          src={src}
          title={title}
          width={width}
          height={height}
          allow={allow}
          allowFullScreen
          referrerPolicy={referrerPolicy}
          loading="lazy"
        />
      ) : (
        placeholder
      )}
    </figure>
  );
}
