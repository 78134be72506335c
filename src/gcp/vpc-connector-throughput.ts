// What one Serverless VPC Access connector instance carries, per machine type. Google's page
// (https://cloud.google.com/vpc/docs/serverless-vpc-access#scaling, "Estimated throughput range in
// Mbps") gives a range per machine type for a connector of 2 to 10 instances: f1-micro 100-500,
// e2-micro 200-1000, e2-standard-4 3200-16000; a range divided by its instance counts is the same
// per-instance figure at both ends (e2-micro: 200 / 2 = 1000 / 10 = 100 Mbps). The stored copy of
// that page available here does not show the table; the figures are read from public copies of it
// (docs/coverage.md, "Connector capacity") and agree with the Connector API's maxThroughput for
// e2-micro: "Default is 300, max is 1000" Mbps at up to 10 instances
// (https://cloud.google.com/vpc/docs/reference/vpcaccess/rest/v1/projects.locations.connectors).
// Google calls these estimates: the alerts take a percentage of them, not the figure itself.

export const CONNECTOR_MACHINE_TYPES = ['f1-micro', 'e2-micro', 'e2-standard-4'] as const;
export type ConnectorMachineType = (typeof CONNECTOR_MACHINE_TYPES)[number];

const MBPS_PER_INSTANCE: Readonly<Record<ConnectorMachineType, number>> = {
  'f1-micro': 50,
  'e2-micro': 100,
  'e2-standard-4': 1600,
};

export const CONNECTOR_THROUGHPUT_SOURCE = 'https://cloud.google.com/vpc/docs/serverless-vpc-access#scaling';

/** Google's estimated throughput of one connector instance of this machine type, in Mbit/s. */
export function connectorMbpsPerInstance(machineType: ConnectorMachineType): number {
  return MBPS_PER_INSTANCE[machineType];
}

/** The connector's estimated capacity at `instances` instances, in bytes per second (the unit of ALIGN_RATE on By). */
export function connectorCapacityBytesPerSecond(machineType: ConnectorMachineType, instances: number): number {
  // 1 Mbit/s = 1,000,000 bit/s = 125,000 bytes/s.
  return connectorMbpsPerInstance(machineType) * instances * 125_000;
}
