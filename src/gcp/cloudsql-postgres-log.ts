// Cloud SQL for PostgreSQL writes the server's own log to Cloud Logging as the log
// `cloudsql.googleapis.com/postgres.log` of the `cloudsql_database` resource (database_id
// "PROJECT:INSTANCE"), one entry per server line in textPayload ("... [1-1] db=app,user=app FATAL:
// sorry, too many clients already"). Log name and resource: Google's "View instance logs" page
// for Cloud SQL (https://cloud.google.com/sql/docs/postgres/logging, which lists the log files per
// engine; the stored copy read here shows MySQL's list, cloudsql.googleapis.com/mysql.err, not
// PostgreSQL's) and the same filter in public runbooks and tools that read these logs
// (docs/coverage.md, "PostgreSQL too many clients"). The two refusals are PostgreSQL's own words
// when max_connections is reached (postinit.c): "sorry, too many clients already", and "remaining
// connection slots are reserved for ..." (for superusers, or roles with the SUPERUSER attribute
// from PostgreSQL 16) when only the reserved slots are left.
import { quote } from './filter-builder';

export const POSTGRES_LOG_ID = 'cloudsql.googleapis.com/postgres.log';

export const TOO_MANY_CLIENTS_MESSAGES = [
  'sorry, too many clients already',
  'remaining connection slots are reserved',
] as const;

/** One entry per connection PostgreSQL refused at max_connections, on this instance. */
export function tooManyClientsLogFilter(project: string, instance: string): string {
  const messages = TOO_MANY_CLIENTS_MESSAGES.map((message) => `textPayload:${quote(message)}`).join(' OR ');
  return [
    'resource.type="cloudsql_database"',
    `resource.labels.database_id=${quote(`${project}:${instance}`)}`,
    `logName=${quote(`projects/${project}/logs/${POSTGRES_LOG_ID.replace('/', '%2F')}`)}`,
    `(${messages})`,
  ].join(' AND ');
}
