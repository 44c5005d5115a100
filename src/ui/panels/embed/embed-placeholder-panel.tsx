import { useId } from 'react';
import type { EmbedPlaceholderProps, KitProps } from '../../first-load/panel-contract';

/** `{{name}}` filled from `values`; the words hold nothing else (no i18next in an embed's code). */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * What stands in an embed's box until the visitor allows it: who the service is, what it would store and
 * where it sends data, its privacy page, and two choices, which the wrapper carries out. It imports nothing
 * the banner's chunk imports: a module shared with it would be split into a chunk of its own, one more
 * download on a first visit (esbuild makes this module an entry even where no embed is used).
 */
export default function EmbedPlaceholderPanel({
  service,
  serviceId,
  kind,
  lang,
  words,
  texts,
  blocked,
  onLoad,
  onAllow,
}: EmbedPlaceholderProps & KitProps) {
  const headingId = useId();
  // The box stays empty while the words load (a few hundred bytes): nothing moves when they arrive.
  if (!words || texts === null) return <div className="rcp-embed__placeholder" />;

  const name = (service && texts?.services[service.id]?.name) || service?.label || serviceId;
  const category = service ? texts?.categories[service.category]?.name || service.category : '';
  const storage = [...new Set(service?.storage.map((item) => item.name))];
  const hosts = service?.hosts ?? [];
  // The names go in as code, each as declared (`yt-remote-*`), where the words put them.
  const [before = '', after = ''] = words.stores.split('{{names}}');

  return (
    // A group named by its first sentence (who the service is), inside the figure named by the embed's title. Not a fieldset:
    // its buttons are choices, not a form's fields.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div className="rcp-embed__placeholder" lang={lang} role="group" aria-labelledby={headingId}>
      <p className="rcp-embed__heading">
        <strong id={headingId}>{fill(words.heading[kind], { service: name })}</strong>{' '}
        {blocked ? words.unavailable : words.consent}
      </p>
      {!blocked && (
        <>
          <div className="rcp-embed__actions">
            <button type="button" className="rcp-embed__button" onClick={onLoad}>
              {words.load[kind]}
            </button>
            <button type="button" className="rcp-embed__button rcp-embed__button--secondary" onClick={onAllow}>
              {fill(words.allow, { category })}
            </button>
          </div>
          <p className="rcp-embed__note">{words.loadNote}</p>
          {/* The choices first: in a phone's small box they stay in view, and what the service does follows. */}
          <ul className="rcp-embed__facts">
            {storage.length > 0 && (
              <li>
                {before}
                {storage.map((item, index) => (
                  <span key={item}>
                    {index > 0 && ', '}
                    <code>{item}</code>
                  </span>
                ))}
                {after}
              </li>
            )}
            {hosts.length > 0 && <li>{fill(words.sendsTo, { hosts: hosts.join(', ') })}</li>}
            {service?.privacy && (
              <li>
                <a href={service.privacy} target="_blank" rel="noopener noreferrer">
                  {fill(words.privacy, { service: name })}
                </a>
              </li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
