// The official message definitions lint checks REST JSON against: Dashboard from
// @google-cloud/monitoring-dashboards, AlertPolicy and UptimeCheckConfig from @google-cloud/monitoring.
// Each package ships its .proto files and `protos.json`, the descriptor compiled from those same
// files. Lint reads the descriptor with its own small reader (descriptor-root.ts) rather than
// protobufjs: loading protobufjs and resolving a whole root cost ~50 ms in every `npm run synth`,
// while a lint run needs a few dozen messages. Each descriptor is loaded once, on first use.
import { DescriptorRoot } from './descriptor-root';
import type { NamespaceJson } from './descriptor-json';
import type { ProtoMessage } from './proto-types';

const DESCRIPTORS = {
  dashboards: '@google-cloud/monitoring-dashboards/build/protos/protos.json',
  monitoring: '@google-cloud/monitoring/build/protos/protos.json',
} as const;

const roots = new Map<keyof typeof DESCRIPTORS, DescriptorRoot>();

export function descriptorRoot(pkg: keyof typeof DESCRIPTORS): DescriptorRoot {
  let loaded = roots.get(pkg);
  if (!loaded) {
    // require, not import: the descriptor JSON is large and loaded only on first use.
    loaded = new DescriptorRoot(require(DESCRIPTORS[pkg]) as NamespaceJson);
    roots.set(pkg, loaded);
  }
  return loaded;
}

export function dashboardMessage(): ProtoMessage {
  return descriptorRoot('dashboards').message('google.monitoring.dashboard.v1.Dashboard');
}

export function alertPolicyMessage(): ProtoMessage {
  return descriptorRoot('monitoring').message('google.monitoring.v3.AlertPolicy');
}

export function uptimeCheckMessage(): ProtoMessage {
  return descriptorRoot('monitoring').message('google.monitoring.v3.UptimeCheckConfig');
}
