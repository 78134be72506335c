// Two environments in one project must not collide on the names the stack gives their alert
// policies, uptime checks and log-based metrics; the error names both files.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../src/config/config-error';
import type { Environment } from '../../src/config/environment';
import { environmentCollisions } from '../../src/config/environment-collisions';
import { loadEnvironments } from '../../src/config/load-environment';
import { copyOfEnvironments, removeDirectory } from './clone-fixtures';

function environment(name: string, project: string): Environment {
  return { name, project, file: `environments/${name}.yaml` } as Environment;
}

describe('environments of one project', () => {
  let cwd: string;
  let environments: string;
  beforeEach(() => ({ cwd, environments } = copyOfEnvironments()));
  afterEach(() => removeDirectory(cwd));

  it('collide when two files give one environment name: loadEnvironments names both files', () => {
    const yaml = path.join(environments, 'staging.yaml');
    const yml = path.join(environments, 'staging.yml');
    fs.copyFileSync(yaml, yml);
    let message = '';
    try {
      loadEnvironments(environments);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      message = error.message;
    }
    expect(message).toBe(
      `${yml}: gives the environment name "staging" that ${yaml} gives too: both would be stack monitoring-staging, and in project netra-staging` +
        ' their alert policies and uptime checks ("[staging] …") and log-based metrics (vigil-staging-…) would be the same; expected one file per environment name',
    );
  });

  it('do not collide when their names differ, even when one name starts with the other', () => {
    const text = fs.readFileSync(path.join(environments, 'staging.yaml'), 'utf8');
    fs.writeFileSync(path.join(environments, 'staging-load.yaml'), text);
    expect(loadEnvironments(environments).map((loaded) => loaded.name)).toEqual(['staging-load', 'staging']);
  });

  it("collide when an environment name runs into another's metric name", () => {
    const metrics = ['errors', 'redis-errors'];
    expect(
      environmentCollisions([environment('app', 'p-one'), environment('app-redis', 'p-one')], () => metrics),
    ).toEqual([
      {
        file: 'environments/app-redis.yaml',
        path: '',
        message:
          'log-based metric "vigil-app-redis-errors" of environments/app-redis.yaml (environment "app-redis", project p-one) is also log-based metric "redis-errors"' +
          ' of environments/app.yaml (environment "app", project p-one); expected environments of one project to have names that do not run into each other\'s metric names: rename one of the two files',
      },
    ]);
    // In two projects the same names are two resources.
    expect(
      environmentCollisions([environment('app', 'p-one'), environment('app-redis', 'p-two')], () => metrics),
    ).toEqual([]);
  });
});
