import type { PolicyService } from '../../../core/policy';
import type { ConsentText } from '../../../i18n/consent-text';
import { formatDuration } from '../../../i18n/format-duration';

export interface ServiceTableProps {
  service: PolicyService;
  text: ConsentText;
}

/**
 * One service and its storage items, generated from the policy: name, kind, party, lifetime (in words of
 * the language) and purpose. The dialog and the policy page both render this one table.
 */
export function ServiceTable({ service, text }: ServiceTableProps) {
  const description = text.tPolicy(['services', service.id, 'description'], '');
  const columns = {
    name: text.t('table.name'),
    kind: text.t('table.kind'),
    party: text.t('table.party'),
    lifetime: text.t('table.lifetime'),
    purpose: text.t('table.purpose'),
  };
  const about = (
    <>
      <span className="rcp-service__name">{text.serviceName(service)}</span>
      {description ? <span className="rcp-service__description">{description}</span> : null}
      {service.thirdParty && service.hosts.length > 0 ? (
        <span className="rcp-service__hosts">{text.t('table.hosts', { hosts: service.hosts.join(', ') })}</span>
      ) : null}
      {service.privacy ? (
        <a className="rcp-link rcp-service__privacy" href={service.privacy}>
          {text.t('table.privacy', { name: text.serviceName(service) })}
        </a>
      ) : null}
    </>
  );
  // A service that stores nothing (a tag manager's container) says so, rather than show an empty table.
  if (service.storage.length === 0) {
    return (
      <div className="rcp-service">
        <p className="rcp-table">
          {about}
          <span className="rcp-service__hosts">{text.t('table.none')}</span>
        </p>
      </div>
    );
  }
  return (
    <div className="rcp-service">
      <table className="rcp-table">
        <caption>{about}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.party}</th>
            <th scope="col">{columns.lifetime}</th>
            <th scope="col">{columns.purpose}</th>
          </tr>
        </thead>
        <tbody>
          {service.storage.map((item) => (
            <tr key={`${item.kind}:${item.name}`}>
              <th scope="row" data-label={columns.name}>
                <code>{item.name}</code>
              </th>
              <td data-label={columns.kind}>{text.t(`kinds.${item.kind}`)}</td>
              <td data-label={columns.party}>{text.t(`parties.${item.party}`)}</td>
              <td data-label={columns.lifetime}>{formatDuration(item.declaredLifetime, text.lang)}</td>
              <td data-label={columns.purpose}>{text.tPolicy(['storage', item.name], text.serviceName(service))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
