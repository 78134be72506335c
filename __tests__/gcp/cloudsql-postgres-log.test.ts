// The log filter behind the "too many clients" log-based metric: Cloud SQL's postgres.log of one
// instance, and PostgreSQL's two refusals at max_connections.
import { tooManyClientsLogFilter } from '../../src/gcp/cloudsql-postgres-log';

describe('tooManyClientsLogFilter', () => {
  const filter = tooManyClientsLogFilter('netra-staging', 'staging-postgres-db');

  it('selects the instance, its postgres.log (slash escaped as %2F) and both refusals', () => {
    expect(filter).toBe(
      'resource.type="cloudsql_database" AND resource.labels.database_id="netra-staging:staging-postgres-db" AND ' +
        'logName="projects/netra-staging/logs/cloudsql.googleapis.com%2Fpostgres.log" AND ' +
        '(textPayload:"sorry, too many clients already" OR textPayload:"remaining connection slots are reserved")',
    );
  });
});
