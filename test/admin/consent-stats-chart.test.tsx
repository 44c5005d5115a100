import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsentStatsChart } from '../../src/admin/index';
import type { DayStats } from '../../src/server/consent-log-types';
import { expectNoAxeViolations } from '../ui/render-shop';

const day = (date: string, actions: [number, number, number, number], grants: Record<string, number>): DayStats => ({
  day: date,
  decisions: actions.reduce((sum, count) => sum + count, 0),
  actions: { 'accept-all': actions[0], 'reject-all': actions[1], custom: actions[2], withdraw: actions[3] },
  grants,
});

const STATS: DayStats[] = [
  day('2026-12-01', [6, 3, 1, 0], { necessary: 10, analytics: 7, marketing: 6 }),
  day('2026-12-02', [0, 0, 0, 0], { necessary: 0, analytics: 0, marketing: 0 }),
  day('2026-12-03', [2, 4, 2, 2], { necessary: 10, analytics: 3, marketing: 2 }),
];

describe('ConsentStatsChart', () => {
  describe('given three days of statistics, in English', () => {
    it('draws each day as a stack of its actions, the busiest day reaching the top of the axis', () => {
      const { container } = render(<ConsentStatsChart stats={STATS} />);
      const first = container.querySelector('[data-day="2026-12-01"]') as SVGGElement;
      const heights = [...first.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('height')));
      // 6 : 3 : 1 of the same scale; a day with no withdrawals draws no withdrawal bar.
      expect(heights).toHaveLength(3);
      expect(heights[0]! / heights[2]!).toBeCloseTo(6, 5);
      expect(heights[1]! / heights[2]!).toBeCloseTo(3, 5);
      expect(container.querySelectorAll('[data-day="2026-12-02"] rect')).toHaveLength(0);
      // The busiest days (10 decisions) reach the highest grid line, labelled 10.
      const lines = [...container.querySelectorAll('line')];
      const highest = Math.min(...lines.map((line) => Number(line.getAttribute('y1'))));
      expect(lines.at(-1)?.nextElementSibling?.textContent).toBe('10');
      expect(
        Math.min(...[...first.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('y')))),
      ).toBeCloseTo(highest, 5);
      const third = [...container.querySelectorAll('[data-day="2026-12-03"] rect')];
      expect(third.map((rect) => rect.getAttribute('data-action'))).toEqual([
        'accept-all',
        'reject-all',
        'custom',
        'withdraw',
      ]);
      // Stacked: each bar starts where the one below it ends.
      for (let index = 1; index < third.length; index++) {
        const below = third[index - 1]!;
        expect(Number(third[index]!.getAttribute('y')) + Number(third[index]!.getAttribute('height'))).toBeCloseTo(
          Number(below.getAttribute('y')),
          5,
        );
      }
    });

    it('names both charts and sums them up for a screen reader', () => {
      render(<ConsentStatsChart stats={STATS} />);
      const decisions = screen.getByRole('img', { name: /Cookie decisions per day/ });
      expect(decisions.querySelector('desc')?.textContent).toBe(
        '20 decisions from Dec 1, 2026 to Dec 3, 2026, stacked by choice.',
      );
      const rates = screen.getByRole('img', { name: /Share of consents per category/ });
      // Of 20 decisions, 10 granted analytics, 8 marketing.
      expect(rates.querySelector('desc')?.textContent).toBe(
        'Share of decisions that granted the category: necessary 100%, analytics 50%, marketing 40%.',
      );
    });

    it('draws each category grant rate as a bar of that share', () => {
      const { container } = render(<ConsentStatsChart stats={STATS} categoryLabels={{ analytics: 'Analytics' }} />);
      const widths = ['necessary', 'analytics', 'marketing'].map((category) =>
        Number(container.querySelectorAll(`[data-category="${category}"] rect`)[1]?.getAttribute('width')),
      );
      expect(widths[1]! / widths[0]!).toBeCloseTo(0.5, 5);
      expect(widths[2]! / widths[0]!).toBeCloseTo(0.4, 5);
      expect(
        within(container.querySelector('[data-category="analytics"]') as HTMLElement).getByText('Analytics'),
      ).toBeTruthy();
    });

    it('holds every figure in a table', () => {
      render(<ConsentStatsChart stats={STATS} />);
      const table = screen.getByRole('table', { hidden: true });
      const rows = within(table).getAllByRole('row', { hidden: true });
      expect(rows).toHaveLength(4);
      expect(
        within(rows[3]!)
          .getAllByRole('cell', { hidden: true })
          .map((cell) => cell.textContent),
      ).toEqual(['10', '2', '4', '2', '2', '10', '3', '2']);
    });

    it('has no accessibility violations', async () => {
      const { container } = render(<ConsentStatsChart stats={STATS} />);
      await expectNoAxeViolations(container);
    });
  });

  describe('in Finnish', () => {
    it('speaks Finnish, and has no accessibility violations', async () => {
      const { container } = render(<ConsentStatsChart stats={STATS} language="fi" />);
      expect(screen.getByRole('img', { name: /Evästepäätökset päivittäin/ })).toBeTruthy();
      expect(screen.getByText('Hylkää kaikki', { selector: 'text' })).toBeTruthy();
      expect(screen.getByText('Luvut taulukkona')).toBeTruthy();
      await expectNoAxeViolations(container);
    });
  });

  describe('in Swedish', () => {
    it('speaks Swedish, with the numbers and dates of the language, and has no accessibility violations', async () => {
      const { container } = render(<ConsentStatsChart stats={STATS} language="sv" />);
      expect(screen.getByRole('img', { name: /Kakbeslut per dag/ })).toBeTruthy();
      expect(screen.getByText('Avvisa alla', { selector: 'text' })).toBeTruthy();
      expect(screen.getByText('Siffrorna som tabell')).toBeTruthy();
      await expectNoAxeViolations(container);
    });
  });

  describe('given a period without decisions', () => {
    it('says so, and draws no bar and no NaN', () => {
      const { container } = render(<ConsentStatsChart stats={[STATS[1]!]} />);
      expect(screen.getByText('No decisions in this period.')).toBeTruthy();
      expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
      expect(container.querySelectorAll('[data-day] rect')).toHaveLength(0);
    });
  });
});
