// The environment's dashboard, "Infrastructure health — <env>": the status of every alert policy,
// response times, error rates by component, resource utilization, the service level objectives
// (slo-section.ts), and configuration drift.
import { MonitoringDashboard } from '@cdktf/provider-google/lib/monitoring-dashboard';
import { Construct } from 'constructs';
import type { AlertPolicyInfo } from '../alert-policy-factory';
import { dashboardResourceName, MonitoringContext } from '../monitoring-context';
import { SIGNAL_DEFINITIONS } from '../../config/signals/registry';
import type { SignalDefinition } from '../../config/signals/signal-definition';
import { DASHBOARD_SECTIONS, DashboardSection, Signal } from '../signals/signal';
import type { SloInfo } from '../slo/service-level-objectives';
import { driftTileMarkdown } from './drift-tile';
import { layOutSections, MOSAIC_COLUMNS, SectionTiles } from './mosaic-layout';
import { sloSection } from './slo-section';
import { alertChart, sectionHeader, textTile } from './widgets';

/** What the golden-path monitor adds to the dashboard: its section, shown first, and its alert's status chart. */
export interface GoldenPathTiles {
  readonly section: SectionTiles;
  readonly alertPolicies: readonly AlertPolicyInfo[];
}

const SECTION_TITLES: Readonly<Record<DashboardSection, string>> = {
  responseTimes: 'Infrastructure response times',
  errorRates: 'Error rates by component',
  utilization: 'Resource utilization trends',
};

/** What the registered signals chart in a section, in registry order: `Redis, PostgreSQL (Query Insights), …`. */
export function sectionSubtitle(
  section: DashboardSection,
  definitions: readonly SignalDefinition[] = SIGNAL_DEFINITIONS,
): string {
  const words = definitions.flatMap((definition) => definition.sections[section] ?? []).join(', ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function dashboardSections(
  context: MonitoringContext,
  signals: readonly Signal[],
  slos: readonly SloInfo[] = [],
  goldenPath?: GoldenPathTiles,
): SectionTiles[] {
  const policies = [
    ...(goldenPath?.alertPolicies ?? []),
    ...signals.flatMap((signal) => signal.alertPolicies),
    ...slos.flatMap((slo) => slo.alertPolicies),
  ];
  // What is firing comes first: the person who opens the dashboard from a runbook sees it at once.
  const alertStatus: SectionTiles = {
    header: sectionHeader('Alert status', 'One chart per alert policy: open incidents show in red'),
    tiles: policies.map((policy) => alertChart(policy.displayName, policy.nameReference)),
    tileWidth: 12,
    tileHeight: 8,
  };
  const charts: SectionTiles[] = DASHBOARD_SECTIONS.map((section) => ({
    header: sectionHeader(SECTION_TITLES[section], sectionSubtitle(section)),
    tiles: signals.flatMap((signal) => signal.widgets[section]),
    tileWidth: 16,
    tileHeight: 12,
  }));
  const drift: SectionTiles = {
    header: sectionHeader('Configuration drift', 'What the monitoring assumes; checked at every plan'),
    tiles: [textTile('Expected configuration', driftTileMarkdown(context.environment))],
    tileWidth: MOSAIC_COLUMNS,
    tileHeight: 12,
  };
  const objectives = sloSection(slos);
  // The golden path opens the dashboard: whether users can chat at all, before any part.
  return [
    ...(goldenPath ? [goldenPath.section] : []),
    alertStatus,
    ...charts,
    ...(objectives ? [objectives] : []),
    drift,
  ];
}

export class InfrastructureDashboard extends Construct {
  constructor(
    scope: Construct,
    id: string,
    context: MonitoringContext,
    signals: readonly Signal[],
    slos: readonly SloInfo[] = [],
    goldenPath?: GoldenPathTiles,
  ) {
    super(scope, id);
    const environment = context.environment;
    const tiles = layOutSections(dashboardSections(context, signals, slos, goldenPath));
    const dashboard = {
      name: dashboardResourceName(environment),
      displayName: context.dashboardTitle,
      labels: { env: environment.name },
      mosaicLayout: {
        columns: MOSAIC_COLUMNS,
        tiles: tiles.map((tile) => ({
          xPos: tile.xPos,
          yPos: tile.yPos,
          width: tile.width,
          height: tile.height,
          widget: tile.widget,
        })),
      },
    };
    const resource = new MonitoringDashboard(this, 'dashboard', {
      project: environment.project,
      dashboardJson: JSON.stringify(dashboard),
      // The SLO charts name their SLOs by text, like the burn-rate policies: Terraform needs the ordering.
      ...(slos.length > 0 ? { dependsOn: slos.map((slo) => slo.resource) } : {}),
    });
    resource.overrideLogicalId('infrastructure_dashboard');
  }
}
