// A backtest report as text (terminal), Markdown (a PR or an issue) or JSON (docs/backtest.md).
import { formatDuration } from '../simulate/durations';
import { formatTimestamp } from '../simulate/time-points';
import { formatValue } from '../charts/chart-spec';
import { describeComparison, type HistoryComparison } from './alert-history';
import type { BacktestIncident, BacktestReport, PolicyBacktest } from './run-backtest';

export type BacktestFormat = 'text' | 'markdown' | 'json';

function number(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

/** A value in its condition's unit (90%, 500 ms) when the unit is known, as a plain number otherwise. */
function inUnit(value: number, unit: string | undefined): string {
  return unit ? formatValue(value, unit) : number(value);
}

function incidentLine(incident: BacktestIncident): string {
  const closed =
    incident.closed === undefined
      ? 'still open at the window end'
      : `closed ${formatTimestamp(incident.closed)}${incident.closedBy === 'auto-close' ? ' (auto-close)' : ''}`;
  const peak = incident.peak
    ? `, peak ${inUnit(incident.peak.value, incident.peak.unit)} (threshold ${inUnit(incident.peak.threshold, incident.peak.unit)})`
    : '';
  return `opened ${formatTimestamp(incident.opened)}, ${closed}, ${formatDuration(incident.durationSeconds)}${peak}`;
}

function summary(policy: PolicyBacktest): string {
  if (policy.status !== 'evaluated') return `not evaluated: ${policy.reason}`;
  const pages = policy.enabled ? '' : ' (disabled: pages nobody)';
  return `${policy.incidents.length} incidents, ${number(policy.incidentsPerWeek)} a week${pages}, in alert ${formatDuration(policy.secondsInAlert)} (${number(policy.fractionInAlert * 100)}%)`;
}

function severities(report: BacktestReport): string {
  return Object.entries(report.pagesPerWeekBySeverity)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([severity, pages]) => `${severity} ${number(pages)}`)
    .join(', ');
}

function channels(report: BacktestReport): string | undefined {
  if (!report.pagesPerWeekByChannel) return undefined;
  const entries = Object.entries(report.pagesPerWeekByChannel).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0 ? 'none' : entries.map(([channel, pages]) => `${channel} ${number(pages)}`).join(', ');
}

function gapLines(report: BacktestReport): string[] {
  if (report.dataGaps.length === 0) return [];
  return [
    `Data gaps (an hour or more without a point): ${report.dataGaps.length}`,
    ...report.dataGaps.map(
      (gap) =>
        `  ${gap.series}: ${formatTimestamp(gap.from)} to ${formatTimestamp(gap.to)} (${formatDuration(gap.to - gap.from)})`,
    ),
  ];
}

function header(report: BacktestReport): string {
  return `Backtest of ${report.policies.length} alert policies over ${number(report.days)} day${report.days === 1 ? '' : 's'} (${formatTimestamp(report.from)} to ${formatTimestamp(report.to)}), ${report.seriesCount} series`;
}

function text(report: BacktestReport, history?: HistoryComparison): string {
  const lines = [header(report), `Pages a week by severity: ${severities(report)}`];
  if (channels(report)) lines.push(`Pages a week by channel: ${channels(report)}`);
  lines.push('');
  for (const policy of report.policies) {
    lines.push(`${policy.policy}${policy.severity ? ` [${policy.severity}]` : ''}: ${summary(policy)}`);
    for (const incident of policy.incidents) lines.push(`  - ${incidentLine(incident)}`);
  }
  if (report.dataGaps.length > 0) lines.push('', ...gapLines(report));
  if (history) lines.push('', ...describeComparison(history));
  return `${lines.join('\n')}\n`;
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function markdown(report: BacktestReport, history?: HistoryComparison): string {
  const lines = [
    `### ${header(report)}`,
    '',
    `Pages a week by severity: ${severities(report)}`,
    ...(channels(report) ? ['', `Pages a week by channel: ${channels(report)}`] : []),
    '',
    '| Policy | Severity | Incidents | A week | In alert |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const policy of report.policies) {
    if (policy.status !== 'evaluated') {
      lines.push(
        `| ${cell(policy.policy)} | ${policy.severity ?? ''} | not evaluated: ${cell(policy.reason ?? '')} | | |`,
      );
      continue;
    }
    lines.push(
      `| ${cell(policy.policy)} | ${policy.severity ?? ''} | ${policy.incidents.length} | ${number(policy.incidentsPerWeek)} | ${formatDuration(policy.secondsInAlert)} |`,
    );
  }
  const withIncidents = report.policies.filter((policy) => policy.incidents.length > 0);
  if (withIncidents.length > 0) lines.push('', '#### Incidents');
  for (const policy of withIncidents) {
    lines.push('', `**${cell(policy.policy)}**`, '');
    for (const incident of policy.incidents) lines.push(`- ${incidentLine(incident)}`);
  }
  if (report.dataGaps.length > 0) {
    const [title, ...rest] = gapLines(report);
    lines.push('', `#### ${title}`, '', ...rest.map((line) => `- ${cell(line.trim())}`));
  }
  if (history) {
    const [title, ...rest] = describeComparison(history);
    lines.push('', `#### ${title}`, '', ...rest.map((line) => `- ${cell(line.trim())}`));
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON keeps epoch seconds as RFC 3339 times, so that it reads without a converter. */
function json(report: BacktestReport, history?: HistoryComparison): string {
  const time = (seconds: number | undefined) => (seconds === undefined ? undefined : formatTimestamp(seconds));
  return `${JSON.stringify(
    {
      from: time(report.from),
      to: time(report.to),
      days: report.days,
      seriesCount: report.seriesCount,
      pagesPerWeekBySeverity: report.pagesPerWeekBySeverity,
      pagesPerWeekByChannel: report.pagesPerWeekByChannel,
      dataGaps: report.dataGaps.map((gap) => ({ ...gap, from: time(gap.from), to: time(gap.to) })),
      policies: report.policies.map((policy) => ({
        ...policy,
        incidents: policy.incidents.map((incident) => ({
          ...incident,
          opened: time(incident.opened),
          closed: time(incident.closed),
        })),
      })),
      alertHistory: history && {
        matched: history.matched.map((one) => ({ ...one, predicted: time(one.predicted), real: time(one.real) })),
        missed: history.missed.map((one) => ({ ...one, opened: time(one.opened) })),
        extra: history.extra.map((one) => ({ ...one, opened: time(one.opened) })),
      },
    },
    null,
    2,
  )}\n`;
}

/** `history`: the comparison with the project's real alerts, when it was read. */
export function formatBacktest(report: BacktestReport, format: BacktestFormat, history?: HistoryComparison): string {
  if (format === 'json') return json(report, history);
  if (format === 'markdown') return markdown(report, history);
  return text(report, history);
}
