import type { ConsentAction } from '../core/consent-record';
import type { DayStats } from './consent-log-types';
import type { Queryable } from './driver';

const DAY = 86_400_000;
/** Ten years of days: a range longer than that is a mistake, not a chart. */
const MOST_DAYS = 3660;
const ACTIONS: readonly ConsentAction[] = ['accept-all', 'reject-all', 'custom', 'withdraw'];
const DAY_OF = `to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/**
 * Per UTC day in [from, to): decisions by action and grants per category, counted by the database. Every day
 * of the range is listed, a day without decisions with zeros, so that a chart needs no gaps filled.
 */
export async function dayStats(
  db: Queryable,
  categories: readonly string[],
  from: number,
  to: number,
): Promise<DayStats[]> {
  const first = Math.floor(from / DAY) * DAY;
  if ((to - first) / DAY > MOST_DAYS) throw new RangeError(`stats: a range of at most ${MOST_DAYS} days.`);
  const bounds = [new Date(from).toISOString(), new Date(to).toISOString()];
  const actions = await db.query<{ day: string; action: string; n: number }>(
    `SELECT ${DAY_OF} AS day, action, count(*)::int AS n FROM consent_records
      WHERE decided_at >= $1::timestamptz AND decided_at < $2::timestamptz GROUP BY 1, 2`,
    bounds,
  );
  const grants = await db.query<{ day: string; category: string; n: number }>(
    `SELECT ${DAY_OF} AS day, c.key AS category, count(*)::int AS n
      FROM consent_records CROSS JOIN LATERAL jsonb_each(choices) AS c
      WHERE decided_at >= $1::timestamptz AND decided_at < $2::timestamptz AND c.value = 'true'::jsonb
      GROUP BY 1, 2`,
    bounds,
  );
  const days = new Map<
    string,
    { decisions: number; actions: Record<string, number>; grants: Record<string, number> }
  >();
  for (let at = first; at < to; at += DAY) {
    days.set(new Date(at).toISOString().slice(0, 10), {
      decisions: 0,
      actions: Object.fromEntries(ACTIONS.map((action) => [action, 0])),
      grants: Object.fromEntries(categories.map((category) => [category, 0])),
    });
  }
  for (const row of actions) {
    const day = days.get(row.day);
    if (!day) continue;
    day.decisions += Number(row.n);
    day.actions[row.action] = (day.actions[row.action] ?? 0) + Number(row.n);
  }
  for (const row of grants) {
    const day = days.get(row.day);
    if (day) day.grants[row.category] = Number(row.n);
  }
  return [...days].map(([day, counts]) => ({
    day,
    decisions: counts.decisions,
    actions: counts.actions as Record<ConsentAction, number>,
    grants: counts.grants,
  }));
}
