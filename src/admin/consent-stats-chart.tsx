import { type ReactElement, useId } from 'react';
import type { ConsentAction } from '../core/consent-record';
import type { DayStats } from '../server/consent-log-types';
import { ADMIN_WORDS } from './admin-words';

export interface ConsentStatsChartProps {
  /** What `log.stats({ from, to })` returns: one entry per UTC day. */
  readonly stats: readonly DayStats[];
  /** The language of the words. Default 'en'. */
  readonly language?: 'fi' | 'en' | 'sv';
  /** The categories whose grant rate is shown, in order. Default: every category the stats count. */
  readonly categories?: readonly string[];
  /** The shop's names for its categories. Default: the category names. */
  readonly categoryLabels?: Readonly<Record<string, string>>;
}

const ACTIONS: readonly ConsentAction[] = ['accept-all', 'reject-all', 'custom', 'withdraw'];
/**
 * Colours a colour-blind reader tells apart (Okabe and Ito), each at least 3:1 against white (WCAG 1.4.11);
 * the legend names every colour, and the table holds every figure.
 */
const COLOURS: Readonly<Record<ConsentAction, string>> = {
  'accept-all': '#0072b2',
  'reject-all': '#c25200',
  custom: '#007a5a',
  withdraw: '#aa4499',
};
const INK = '#1f2328';
const GRID = '#8c959f';
const WIDTH = 640;
const PLOT = { left: 44, right: 12, top: 12, bottom: 28 };
const BARS_HEIGHT = 220;
const ROW = 26;

/** A round step for the axis: 1, 2 or 5 times a power of ten, about `count` steps up to `most`. */
function step(most: number, count: number): number {
  const raw = Math.max(1, most / count);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
}

/**
 * The consent log's statistics as two plain SVG charts and a table: decisions per day stacked by action,
 * and the share of decisions that granted each category. No script, no styles: it renders on the server as
 * well, under a strict Content Security Policy. The charts are images with a text summary; the table
 * (behind a disclosure) holds every figure, for screen readers and for copying.
 */
export function ConsentStatsChart(props: ConsentStatsChartProps): ReactElement {
  const words = ADMIN_WORDS[props.language ?? 'en'];
  const language = props.language ?? 'en';
  const id = useId();
  const { stats } = props;
  const categories = props.categories ?? [...new Set(stats.flatMap((day) => Object.keys(day.grants)))];
  const label = (category: string) => props.categoryLabels?.[category] ?? category;
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const shortDay = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayOf = (day: string, format: Intl.DateTimeFormat) => format.format(new Date(`${day}T00:00:00Z`));

  const total = stats.reduce((sum, day) => sum + day.decisions, 0);
  const first = stats[0];
  const last = stats[stats.length - 1];
  const summary =
    first && last
      ? words.decisionsSummary(number.format(total), dayOf(first.day, longDay), dayOf(last.day, longDay))
      : '';
  const rates = categories.map((category) => ({
    category,
    rate: total > 0 ? stats.reduce((sum, day) => sum + (day.grants[category] ?? 0), 0) / total : 0,
  }));

  // Decisions per day, stacked by action.
  const most = Math.max(0, ...stats.map((day) => day.decisions));
  const unit = step(most, 4);
  const top = Math.max(unit, Math.ceil(most / unit) * unit);
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = BARS_HEIGHT - PLOT.top - PLOT.bottom;
  const slot = stats.length > 0 ? plotWidth / stats.length : plotWidth;
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => PLOT.top + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.floor(top / unit) + 1 }, (_, index) => index * unit);
  // About eight day labels, whatever the length of the range.
  const every = Math.max(1, Math.ceil(stats.length / 8));
  const legendY = BARS_HEIGHT + 8;

  const rateHeight = PLOT.top + rates.length * ROW + 8;
  const labelWidth = 150;
  const rateWidth = WIDTH - labelWidth - 70;

  return (
    <section className="rcp-consent-stats" aria-labelledby={`${id}-decisions`}>
      <figure>
        <figcaption id={`${id}-decisions`}>{words.decisionsTitle}</figcaption>
        {total === 0 ? <p>{words.noDecisions}</p> : null}
        <svg
          role="img"
          aria-labelledby={`${id}-decisions-title ${id}-decisions-desc`}
          viewBox={`0 0 ${WIDTH} ${legendY + 42}`}
          width="100%"
        >
          <title id={`${id}-decisions-title`}>{words.decisionsTitle}</title>
          <desc id={`${id}-decisions-desc`}>{summary}</desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeWidth={0.5} />
              <text x={PLOT.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={INK}>
                {number.format(tick)}
              </text>
            </g>
          ))}
          {stats.map((day, index) => {
            const x = PLOT.left + index * slot + (slot - barWidth) / 2;
            let below = 0;
            return (
              <g key={day.day} data-day={day.day}>
                {ACTIONS.map((action) => {
                  const count = day.actions[action] ?? 0;
                  if (count === 0) return null;
                  const rect = (
                    <rect
                      key={action}
                      data-action={action}
                      x={x}
                      y={y(below + count)}
                      width={barWidth}
                      height={y(below) - y(below + count)}
                      fill={COLOURS[action]}
                    />
                  );
                  below += count;
                  return rect;
                })}
                {index % every === 0 ? (
                  <text x={x + barWidth / 2} y={BARS_HEIGHT - 10} textAnchor="middle" fontSize={11} fill={INK}>
                    {dayOf(day.day, shortDay)}
                  </text>
                ) : null}
              </g>
            );
          })}
          {ACTIONS.map((action, index) => (
            // Two rows of two: the longest names ("Suostumuksen peruutus") fit in every language.
            <g
              key={action}
              transform={`translate(${PLOT.left + (index % 2) * 260}, ${legendY + Math.floor(index / 2) * 18})`}
            >
              <rect width={12} height={12} fill={COLOURS[action]} />
              <text x={18} y={11} fontSize={12} fill={INK}>
                {words.actions[action]}
              </text>
            </g>
          ))}
        </svg>
      </figure>

      <figure>
        <figcaption id={`${id}-rates`}>{words.rateTitle}</figcaption>
        <svg
          role="img"
          aria-labelledby={`${id}-rates-title ${id}-rates-desc`}
          viewBox={`0 0 ${WIDTH} ${rateHeight}`}
          width="100%"
        >
          <title id={`${id}-rates-title`}>{words.rateTitle}</title>
          <desc id={`${id}-rates-desc`}>
            {words.rateSummary(
              rates.map(({ category, rate }) => `${label(category)} ${percent.format(rate)}`).join(', '),
            )}
          </desc>
          {rates.map(({ category, rate }, index) => (
            <g key={category} data-category={category} transform={`translate(0, ${PLOT.top + index * ROW})`}>
              <text x={labelWidth - 8} y={14} textAnchor="end" fontSize={12} fill={INK}>
                {label(category)}
              </text>
              <rect x={labelWidth} y={2} width={rateWidth} height={16} fill="none" stroke={GRID} strokeWidth={0.5} />
              <rect x={labelWidth} y={2} width={rate * rateWidth} height={16} fill={COLOURS['accept-all']} />
              <text x={labelWidth + rateWidth + 6} y={14} fontSize={12} fill={INK}>
                {percent.format(rate)}
              </text>
            </g>
          ))}
        </svg>
      </figure>

      <details>
        <summary>{words.table}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{words.day}</th>
              <th scope="col">{words.decisions}</th>
              {ACTIONS.map((action) => (
                <th scope="col" key={action}>
                  {words.actions[action]}
                </th>
              ))}
              {categories.map((category) => (
                <th scope="col" key={category}>
                  {words.granted(label(category))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.map((day) => (
              <tr key={day.day}>
                <th scope="row">{dayOf(day.day, longDay)}</th>
                <td>{number.format(day.decisions)}</td>
                {ACTIONS.map((action) => (
                  <td key={action}>{number.format(day.actions[action] ?? 0)}</td>
                ))}
                {categories.map((category) => (
                  <td key={category}>{number.format(day.grants[category] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
