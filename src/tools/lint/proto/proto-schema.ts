// The official message definitions lint checks REST JSON against: Dashboard from
// @google-cloud/monitoring-dashboards, AlertPolicy and UptimeCheckConfig from @google-cloud/monitoring.
// Each package ships its .proto files and `protos.json`, the protobufjs descriptor compiled from
// those same files; loading the descriptor takes ~20 ms against ~70 ms for parsing the .proto
// sources, so lint loads it — once, lazily, on the first message looked up.
import * as protobuf from 'protobufjs';

const DESCRIPTORS = {
  dashboards: '@google-cloud/monitoring-dashboards/build/protos/protos.json',
  monitoring: '@google-cloud/monitoring/build/protos/protos.json',
} as const;

const roots = new Map<keyof typeof DESCRIPTORS, protobuf.Root>();

function root(pkg: keyof typeof DESCRIPTORS): protobuf.Root {
  let loaded = roots.get(pkg);
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = protobuf.Root.fromJSON(require(DESCRIPTORS[pkg]) as protobuf.INamespace);
    loaded.resolveAll();
    roots.set(pkg, loaded);
  }
  return loaded;
}

export function dashboardMessage(): protobuf.Type {
  return root('dashboards').lookupType('google.monitoring.dashboard.v1.Dashboard');
}

export function alertPolicyMessage(): protobuf.Type {
  return root('monitoring').lookupType('google.monitoring.v3.AlertPolicy');
}

export function uptimeCheckMessage(): protobuf.Type {
  return root('monitoring').lookupType('google.monitoring.v3.UptimeCheckConfig');
}
