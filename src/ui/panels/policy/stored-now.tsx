import { createElement, useEffect, useRef, useState } from 'react';
import { type AuditedItem, auditStorage, deleteStoredItem } from '../../../core/audit';
import { deleteDeclaredStorage } from '../../../core/storage-cleanup';
import { useSnapshot } from '../shared/use-snapshot';
import type { PolicySectionProps } from './policy-section';

/**
 * "Stored in this browser now": the declared cookies and storage items this browser holds, read after
 * mounting (a server cannot see them), each with a delete button when it belongs to an optional category.
 */
export function StoredNow({ text, heading, consent }: PolicySectionProps) {
  const { policy } = consent;
  const snapshot = useSnapshot(consent.store);
  const [items, setItems] = useState<readonly AuditedItem[] | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` re-reads the browser after a deletion
  useEffect(() => {
    // The provider's cleanup may still be loading when a withdrawal re-renders this list: run it here
    // first (it is idempotent), so that the list shows what the browser holds after the change.
    deleteDeclaredStorage(policy, snapshot.choices);
    setItems(auditStorage(policy, snapshot).declared);
  }, [policy, snapshot, round]);

  if (items === null) return null;
  const categories = new Map(policy.categories.map((category) => [category.name as string, category]));

  return (
    <section className="rcp-policy__section rcp-stored">
      {createElement(heading, null, text.t('policy.storedTitle'))}
      <p>{text.t('policy.storedIntro')}</p>
      {items.length === 0 ? (
        <p>{text.t('policy.storedNone')}</p>
      ) : (
        <ul className="rcp-stored__list">
          {items.map((item) => {
            const category = item.declared ? categories.get(item.declared.category) : undefined;
            return (
              <li key={`${item.kind}:${item.name}`}>
                <code>{item.name}</code> ({text.t(`kinds.${item.kind}`)}
                {category ? `, ${text.categoryText(category).name}` : ''}){' '}
                {item.deletable ? (
                  <button
                    type="button"
                    className="rcp-button rcp-button--small"
                    onClick={() => {
                      deleteStoredItem(item);
                      setDeleted(item.name);
                      setRound((n) => n + 1);
                      // The button goes with its item: focus moves to the message that says so.
                      statusRef.current?.focus();
                    }}
                  >
                    {text.t('table.delete', { name: item.name })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div ref={statusRef} role="status" tabIndex={-1} className="rcp-stored__status">
        {deleted ? text.t('policy.storedDeleted', { name: deleted }) : null}
      </div>
    </section>
  );
}
