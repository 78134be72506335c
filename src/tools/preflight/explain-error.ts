// Turns what the client libraries throw into sentences a person can act on. Network errors are
// shared by both checks; protocol errors are recognised by the server's own codes (Redis reply
// prefixes such as NOAUTH and WRONGPASS, PostgreSQL SQLSTATEs such as 28P01).
import { CONNECTION_STEP, DeadlineExceeded } from './deadline';

export interface Endpoint {
  readonly what: 'Redis' | 'PostgreSQL';
  readonly host: string;
  readonly port: number;
}

const UNREACHABLE_HINT =
  'private addresses (Memorystore, Cloud SQL private IP) answer only inside the VPC: run from a VM or Cloud Shell there, and check firewall rules';

/** A sentence for a network-level failure, or undefined when `error` is not one. */
export function explainNetworkError(error: unknown, endpoint: Endpoint): string | undefined {
  const where = `${endpoint.host}:${endpoint.port}`;
  if (error instanceof DeadlineExceeded) {
    if (error.step === CONNECTION_STEP) {
      return `${endpoint.what} at ${where}: no connection within ${error.timeoutMs} ms (timeout); ${UNREACHABLE_HINT}`;
    }
    return (
      `${endpoint.what} at ${where}: connected, but no answer within ${error.timeoutMs} ms while waiting for ${error.step} (timeout); ` +
      `the port may belong to something else, or the server is overloaded`
    );
  }
  const code = errorCode(error);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `${endpoint.what}: cannot resolve host "${endpoint.host}" (DNS ${code}); check the host name, and that this machine uses the VPC's DNS`;
    case 'ECONNREFUSED':
      return `${endpoint.what} at ${where}: connection refused; nothing listens on that port (server down, or wrong host or port)`;
    case 'ETIMEDOUT':
      return `${endpoint.what} at ${where}: connection timed out; ${UNREACHABLE_HINT}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${endpoint.what} at ${where}: no route to the host (${code}); ${UNREACHABLE_HINT}`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `${endpoint.what} at ${where}: the server closed the connection (${code}); check TLS settings (rediss:// or sslmode) and that the port is the ${endpoint.what} port`;
    default:
      return undefined;
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
