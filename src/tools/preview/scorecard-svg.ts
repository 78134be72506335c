// A scorecard tile as Cloud Monitoring draws it: the latest value in the metric's unit, coloured
// by the first threshold it crosses (YELLOW or RED, ABOVE or BELOW), with a gauge between the
// gaugeView's bounds or a spark chart of the window below it.
import { formatValue } from '../charts/chart-spec';
import { escapeMarkup } from './markup';

export interface ScorecardThreshold {
  readonly value: number;
  readonly color: string;
  readonly direction: string;
}

export interface Scorecard {
  readonly unit: string;
  readonly points: ReadonlyArray<{ t: number; v: number }>;
  readonly thresholds: readonly ScorecardThreshold[];
  readonly gauge?: { readonly lower: number; readonly upper: number };
  readonly spark?: 'SPARK_LINE' | 'SPARK_BAR';
}

const COLOURS: Readonly<Record<string, string>> = { RED: '#d93025', YELLOW: '#f9ab00', NONE: '#202124' };

function crossed(value: number, threshold: ScorecardThreshold): boolean {
  return threshold.direction === 'BELOW' ? value < threshold.value : value > threshold.value;
}

/** The colour of the value: red before yellow when both are crossed, as the reader's eye would want. */
export function scorecardColour(value: number, thresholds: readonly ScorecardThreshold[]): string {
  const hit = [...thresholds]
    .sort((a, b) => (a.color === 'RED' ? -1 : b.color === 'RED' ? 1 : 0))
    .find((one) => crossed(value, one));
  return COLOURS[hit?.color ?? 'NONE'] ?? COLOURS.NONE;
}

function gauge(card: Scorecard, value: number, width: number, top: number, colour: string): string {
  const { lower, upper } = card.gauge!;
  const left = 16;
  const length = width - 32;
  const at = (v: number) => left + Math.max(0, Math.min(1, (v - lower) / (upper - lower || 1))) * length;
  const marks = card.thresholds
    .map(
      (one) =>
        `<line x1="${at(one.value)}" x2="${at(one.value)}" y1="${top - 4}" y2="${top + 14}" stroke="${COLOURS[one.color] ?? '#5f6368'}" stroke-width="2"/>`,
    )
    .join('');
  return [
    `<rect x="${left}" y="${top}" width="${length}" height="10" rx="5" fill="#e8eaed"/>`,
    `<rect x="${left}" y="${top}" width="${Math.max(0, at(value) - left)}" height="10" rx="5" fill="${colour === COLOURS.NONE ? '#1a73e8' : colour}"/>`,
    marks,
    `<text x="${left}" y="${top + 26}" font-size="10" fill="#5f6368">${escapeMarkup(formatValue(lower, card.unit))}</text>`,
    `<text x="${left + length}" y="${top + 26}" font-size="10" fill="#5f6368" text-anchor="end">${escapeMarkup(formatValue(upper, card.unit))}</text>`,
  ].join('');
}

function spark(card: Scorecard, width: number, top: number, height: number): string {
  const points = card.points;
  if (points.length < 2 || height < 8) return '';
  const t0 = points[0].t;
  const t1 = points[points.length - 1].t;
  const values = points.map((one) => one.v);
  const low = Math.min(...values, 0);
  const high = Math.max(...values, low + 1e-9);
  const x = (t: number) => 16 + ((t - t0) / (t1 - t0 || 1)) * (width - 32);
  const y = (v: number) => top + height - ((v - low) / (high - low)) * height;
  if (card.spark === 'SPARK_BAR') {
    const bar = Math.max(1, (width - 32) / points.length - 1);
    return points
      .map(
        (one) =>
          `<rect x="${x(one.t).toFixed(1)}" y="${y(one.v).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + height - y(one.v)).toFixed(1)}" fill="#8ab4f8"/>`,
      )
      .join('');
  }
  const path = points
    .map((one, index) => `${index === 0 ? 'M' : 'L'}${x(one.t).toFixed(1)},${y(one.v).toFixed(1)}`)
    .join('');
  return `<path d="${path}" fill="none" stroke="#1a73e8" stroke-width="1.5"/>`;
}

export function scorecardSvg(card: Scorecard, width: number, height: number): string {
  const last = card.points[card.points.length - 1];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
  ];
  if (!last) {
    parts.push(
      `<text x="${width / 2}" y="${height / 2}" font-size="12" fill="#5f6368" text-anchor="middle">No data for the selected time frame</text>`,
    );
    return `${parts.join('')}</svg>`;
  }
  const colour = scorecardColour(last.v, card.thresholds);
  const valueSize = Math.max(14, Math.min(40, height / 3));
  const baseline = card.gauge || card.spark ? valueSize + 8 : height / 2 + valueSize / 3;
  parts.push(
    `<text x="${width / 2}" y="${baseline}" font-size="${valueSize}" font-weight="bold" fill="${colour}" text-anchor="middle">${escapeMarkup(formatValue(last.v, card.unit))}</text>`,
  );
  if (card.gauge) parts.push(gauge(card, last.v, width, baseline + 14, colour));
  else if (card.spark) parts.push(spark(card, width, baseline + 10, height - baseline - 16));
  parts.push('</svg>');
  return parts.join('');
}
