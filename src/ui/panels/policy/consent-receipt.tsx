import { createElement, useState } from 'react';
import type { Category } from '../../../core/policy';
import { useSnapshot } from '../shared/use-snapshot';
import type { PolicySectionProps } from './policy-section';

/**
 * The visitor's consent receipt: consent id, date and time, each category's state and the policy
 * revision, with "Change settings", and "Withdraw consent" (every optional category off, in one step) while
 * something optional is granted. Where nothing is, it says so: there is nothing to withdraw.
 */
export function ConsentReceipt({ text, heading, consent }: PolicySectionProps) {
  const { policy, actions } = consent;
  const snapshot = useSnapshot(consent.store);
  const [withdrawn, setWithdrawn] = useState(false);
  const record = snapshot.record;
  const optional = policy.categories.filter((category) => !category.required);
  const granted = optional.some((category) => snapshot.choices[category.name]);

  const withdraw = () => {
    actions.save(Object.fromEntries(optional.map((category) => [category.name, false])) as Record<Category, boolean>);
    setWithdrawn(true);
  };

  return (
    <section className="rcp-policy__section rcp-receipt">
      {createElement(heading, null, text.t('policy.receiptTitle'))}
      {record ? (
        <dl className="rcp-receipt__list">
          <dt>{text.t('policy.receiptId')}</dt>
          <dd>
            <code>{record.id}</code>
          </dd>
          <dt>{text.t('policy.receiptDate')}</dt>
          <dd>
            <time dateTime={record.decidedAt}>
              {new Intl.DateTimeFormat(text.lang, { dateStyle: 'long', timeStyle: 'short' }).format(
                new Date(record.decidedAt),
              )}
            </time>
          </dd>
          <dt>{text.t('policy.receiptAction')}</dt>
          <dd>{text.t(`policy.actions.${record.action}`)}</dd>
          {policy.categories.map((category) => (
            <div key={category.name} className="rcp-receipt__category">
              <dt>{text.categoryText(category).name}</dt>
              <dd data-category={category.name}>
                {text.t(snapshot.choices[category.name] ? 'policy.granted' : 'policy.denied')}
              </dd>
            </div>
          ))}
          <dt>{text.t('policy.receiptRevision')}</dt>
          <dd>{record.revision}</dd>
        </dl>
      ) : null}
      {record && !granted && !withdrawn ? <p>{text.t('policy.nothingGranted')}</p> : null}
      {record ? null : <p>{text.t('policy.receiptNone')}</p>}
      <div className="rcp-receipt__actions">
        <button
          type="button"
          className="rcp-button rcp-button--choice"
          aria-haspopup="dialog"
          onClick={actions.openPreferences}
        >
          {text.t('policy.change')}
        </button>
        {record && granted ? (
          <button type="button" className="rcp-button rcp-button--choice" onClick={withdraw}>
            {text.t('policy.withdraw')}
          </button>
        ) : null}
      </div>
      <div role="status" className="rcp-receipt__status">
        {withdrawn && record && optional.every((category) => !snapshot.choices[category.name])
          ? text.t('policy.withdrawDone')
          : null}
      </div>
    </section>
  );
}
