// The connector capacity the saturation alerts compare against: Google's estimated range per
// machine type for 2 to 10 instances, as bytes per second (the unit of ALIGN_RATE on a By delta).
import {
  CONNECTOR_MACHINE_TYPES,
  connectorCapacityBytesPerSecond,
  connectorMbpsPerInstance,
} from '../../src/gcp/vpc-connector-throughput';

describe('connector capacity', () => {
  it.each([
    ['f1-micro', 100, 500],
    ['e2-micro', 200, 1000],
    ['e2-standard-4', 3200, 16000],
  ] as const)("%s spans Google's %i-%i Mbit/s from 2 to 10 instances", (machineType, low, high) => {
    expect(connectorMbpsPerInstance(machineType) * 2).toBe(low);
    expect(connectorMbpsPerInstance(machineType) * 10).toBe(high);
  });

  it('covers every machine type the schema accepts', () => {
    expect([...CONNECTOR_MACHINE_TYPES]).toEqual(['f1-micro', 'e2-micro', 'e2-standard-4']);
  });

  it('converts Mbit/s to bytes per second (1 Mbit/s = 125,000 bytes/s)', () => {
    expect(connectorCapacityBytesPerSecond('e2-micro', 10)).toBe(125_000_000);
    expect(connectorCapacityBytesPerSecond('f1-micro', 3)).toBe(18_750_000);
    expect(connectorCapacityBytesPerSecond('e2-standard-4', 4)).toBe(800_000_000);
  });
});
