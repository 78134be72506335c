// Shared by the clone tests: a copy of the repository's environments in a temporary directory
// (clone never writes into the repository), and the values that name staging's infrastructure.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO_ENVIRONMENTS = path.resolve(__dirname, '..', '..', 'environments');

/** A temporary working directory holding a copy of environments/; returns its environments dir. */
export function copyOfEnvironments(): { cwd: string; environments: string } {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-clone-'));
  const environments = path.join(cwd, 'environments');
  fs.cpSync(REPO_ENVIRONMENTS, environments, { recursive: true });
  return { cwd, environments };
}

export function removeDirectory(directory: string): void {
  fs.rmSync(directory, { recursive: true, force: true });
}

// Values for everything staging names that clone cannot derive: another project's infrastructure.
export const PRODUCTION_SETS: readonly string[] = [
  'notifications.channels[0].address=prod-oncall@netrasystems.ai',
  'notifications.channels[1].channel=#prod-alerts',
  'redis.instanceId=prod-redis-9a8b7c6d',
  'redis.host=10.20.0.3',
  'vpcConnector.ipCidrRange=10.8.0.0/28',
  'cloudRun.services[1]=netra-auth-prod',
  'uptime.backendHealthUrl=https://api.netrasystems.ai/health',
  'uptime.authHealthUrl=https://auth.netrasystems.ai/health',
  'goldenPath.webSocketUrl=wss://api.netrasystems.ai/ws',
  'goldenPath.auth.tokenSecret=prod-chat-probe-token',
];

export function setFlags(sets: readonly string[]): string[] {
  return sets.flatMap((set) => ['--set', set]);
}

export { type CapturedIo, captureIo } from '../support/capture-io';
