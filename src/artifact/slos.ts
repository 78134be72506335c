// Service level objectives of a synthesized stack (google_monitoring_slo), read into what simulate
// evaluates selectors with and lint checks: the SLO's name, goal, window and its request-based SLI
// (a good/bad/total ratio of filters, or a distribution cut). The name is built as the API spells
// it, projects/P/services/S/serviceLevelObjectives/ID; a service given as a Terraform reference to
// a google_monitoring_custom_service of the same stack is resolved to that service's service_id.
import { isRecord } from './json';

export type SloIndicator =
  | {
      readonly type: 'ratio';
      readonly goodFilter?: string;
      readonly badFilter?: string;
      readonly totalFilter?: string;
    }
  | { readonly type: 'cut'; readonly distributionFilter: string; readonly min?: number; readonly max?: number }
  | { readonly type: 'other'; readonly what: string };

export interface Slo {
  /** `google_monitoring_slo.<id>` */
  readonly address: string;
  /** projects/P/services/S/serviceLevelObjectives/ID, or undefined when an id is not known at synthesis. */
  readonly name?: string;
  readonly goal: number;
  readonly rollingPeriodDays?: number;
  readonly calendarPeriod?: string;
  readonly indicator: SloIndicator;
}

type Body = Record<string, unknown>;

const record = (value: unknown): Body => (isRecord(value) ? value : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const number = (value: unknown): number | undefined =>
  value === undefined || value === null || value === '' ? undefined : Number(value);
// cdktf writes a nested block as an object; hand-written Terraform JSON may write a one-item list.
const block = (value: unknown): Body => record(Array.isArray(value) ? value[0] : value);

const REFERENCE = /^\$\{google_monitoring_custom_service\.([A-Za-z0-9_-]+)\.(service_id|id|name)\}$/;

function serviceIdOf(service: string | undefined, services: Body): string | undefined {
  if (service === undefined) return undefined;
  const reference = REFERENCE.exec(service);
  if (!reference) return service.includes('${') ? undefined : service.replace(/^.*\/services\//, '');
  return text(record(services[reference[1]]).service_id);
}

function indicatorOf(slo: Body): SloIndicator {
  const requestBased = block(slo.request_based_sli);
  if (Object.keys(requestBased).length === 0)
    return { type: 'other', what: slo.windows_based_sli ? 'a windows-based SLI' : 'a basic SLI' };
  const ratio = block(requestBased.good_total_ratio);
  if (Object.keys(ratio).length > 0)
    return {
      type: 'ratio',
      goodFilter: text(ratio.good_service_filter),
      badFilter: text(ratio.bad_service_filter),
      totalFilter: text(ratio.total_service_filter),
    };
  const cut = block(requestBased.distribution_cut);
  const range = block(cut.range);
  return {
    type: 'cut',
    distributionFilter: text(cut.distribution_filter) ?? '',
    min: number(range.min),
    max: number(range.max),
  };
}

/** The SLOs of a Terraform JSON document's `resource` block, by address. */
export function readTerraformSlos(resources: Body): Slo[] {
  const services = record(resources.google_monitoring_custom_service);
  return Object.entries(record(resources.google_monitoring_slo)).map(([id, raw]) => {
    const slo = record(raw);
    const project = text(slo.project);
    const serviceId = serviceIdOf(text(slo.service), services);
    const sloId = text(slo.slo_id);
    const known = project && serviceId && sloId && ![project, serviceId, sloId].some((part) => part.includes('${'));
    return {
      address: `google_monitoring_slo.${id}`,
      ...(known ? { name: `projects/${project}/services/${serviceId}/serviceLevelObjectives/${sloId}` } : {}),
      goal: Number(slo.goal),
      rollingPeriodDays: number(slo.rolling_period_days),
      calendarPeriod: text(slo.calendar_period),
      indicator: indicatorOf(slo),
    };
  });
}

/** The metric filters of an SLO's indicator: what its time series are computed from. */
export function sloIndicatorFilters(slo: Slo): string[] {
  const sli = slo.indicator;
  if (sli.type === 'cut') return [sli.distributionFilter];
  if (sli.type === 'ratio') return [sli.goodFilter, sli.badFilter, sli.totalFilter].filter((one) => one !== undefined);
  return [];
}
