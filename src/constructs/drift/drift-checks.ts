// Configuration drift: data sources for the infrastructure the monitoring depends on but does not
// manage, each carrying the postconditions of the environment's `expect:` block. Terraform reads
// data sources at every plan, so any `terraform plan` of the stack (and `npm run drift`) fails
// with a message naming the resource, the field, the expected and the actual value.
//
// Data sources change nothing and leave no history, but their addresses appear in terraform's
// error output and the drift runner reports them: the logical ids are set explicitly.
import { DataGoogleCloudRunV2Service } from '@cdktf/provider-google/lib/data-google-cloud-run-v2-service';
import { DataGoogleRedisInstance } from '@cdktf/provider-google/lib/data-google-redis-instance';
import { DataGoogleSqlDatabaseInstance } from '@cdktf/provider-google/lib/data-google-sql-database-instance';
import { DataGoogleVpcAccessConnector } from '@cdktf/provider-google/lib/data-google-vpc-access-connector';
import type { TerraformDataSource } from 'cdktf';
import * as path from 'path';
import { Construct } from 'constructs';
import { ConfigError } from '../../config/config-error';
import type { Environment } from '../../config/environment';
import { expectConflicts } from '../../config/expect-conflicts';
import {
  cloudRunConditions,
  cloudSqlConditions,
  DriftCondition,
  redisConditions,
  vpcConnectorConditions,
} from './postconditions';

export interface DriftChecksProps {
  readonly environment: Environment;
}

/** Terraform logical ids of the drift data sources. */
export const DRIFT_IDS = {
  redis: 'drift_redis',
  vpcConnector: 'drift_vpc_connector',
  cloudSql: 'drift_cloud_sql',
  cloudRun: (service: string) => `drift_cloud_run_${service.replace(/-/g, '_')}`,
} as const;

export class DriftChecks extends Construct {
  /** The data sources created, one per checked resource (empty when `expect:` checks nothing). */
  readonly dataSources: readonly TerraformDataSource[];

  constructor(scope: Construct, id: string, props: DriftChecksProps) {
    super(scope, id);
    const environment = props.environment;
    // The loader reports these already (cross-field rules); checked again for environments built
    // in code (tests, tools), where a contradiction would otherwise synthesize silently.
    const conflicts = expectConflicts(environment.file, environment);
    if (conflicts.length > 0) throw new ConfigError(conflicts);

    const expect = environment.expect ?? {};
    const { project, region } = environment;
    // Named as in the repository, never by an absolute path: the artifact must not depend on the
    // machine that synthesized it.
    const file = `environments/${path.basename(environment.file)}`;
    const created: TerraformDataSource[] = [];
    const withConditions = <T extends TerraformDataSource>(
      dataSource: T,
      logicalId: string,
      conditions: DriftCondition[],
    ): T => {
      dataSource.overrideLogicalId(logicalId);
      dataSource.lifecycle = {
        postcondition: conditions.map(({ condition, errorMessage }) => ({ condition, errorMessage })),
      };
      created.push(dataSource);
      return dataSource;
    };

    if (expect.redis?.enabled) {
      const name = environment.redis.instanceId;
      withConditions(
        new DataGoogleRedisInstance(this, 'redis', { name, region, project }),
        DRIFT_IDS.redis,
        redisConditions(name, file, expect.redis),
      );
    }
    if (expect.vpcConnector?.enabled) {
      const name = environment.vpcConnector.name;
      withConditions(
        new DataGoogleVpcAccessConnector(this, 'vpc-connector', { name, region, project }),
        DRIFT_IDS.vpcConnector,
        vpcConnectorConditions(name, file, expect.vpcConnector),
      );
    }
    if (expect.cloudSql?.enabled) {
      const name = environment.postgres.instance;
      withConditions(
        new DataGoogleSqlDatabaseInstance(this, 'cloud-sql', { name, project }),
        DRIFT_IDS.cloudSql,
        cloudSqlConditions(name, file, expect.cloudSql),
      );
    }
    if (expect.cloudRun?.enabled) {
      for (const service of expect.cloudRun.services ?? environment.cloudRun.services) {
        withConditions(
          new DataGoogleCloudRunV2Service(this, `cloud-run-${service}`, { name: service, location: region, project }),
          DRIFT_IDS.cloudRun(service),
          cloudRunConditions(service, region, file, expect.cloudRun),
        );
      }
    }
    this.dataSources = created;
  }
}
