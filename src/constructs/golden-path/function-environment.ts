// What the golden-path function reads from its environment, per the golden-path contract
// (docs/golden-path.md): plain settings as environment variables, secrets only as Secret
// Manager references (secret_environment_variables), never as values.
import type { GoldenPath } from '../../config/golden-path-schema';

export interface FunctionSecret {
  /** The environment variable the function reads. */
  readonly key: string;
  /** The Secret Manager secret id. */
  readonly secret: string;
}

export function functionEnvironment(settings: GoldenPath): Record<string, string> {
  return {
    GOLDEN_PATH_WS_URL: settings.webSocketUrl,
    GOLDEN_PATH_AUTH: settings.auth.type,
    ...(settings.auth.type === 'login' ? { GOLDEN_PATH_LOGIN_URL: settings.auth.loginUrl } : {}),
    GOLDEN_PATH_AUTH_PLACEMENT: settings.authPlacement,
    GOLDEN_PATH_EVENTS: settings.events.join(','),
    GOLDEN_PATH_DEADLINE_MS: String(settings.deadlineSeconds * 1000),
    GOLDEN_PATH_CONNECT_TIMEOUT_MS: String(settings.connectTimeoutSeconds * 1000),
    GOLDEN_PATH_MESSAGE: settings.message,
  };
}

export function functionSecrets(settings: GoldenPath): FunctionSecret[] {
  return settings.auth.type === 'token'
    ? [{ key: 'GOLDEN_PATH_TOKEN', secret: settings.auth.tokenSecret }]
    : [
        { key: 'GOLDEN_PATH_USERNAME', secret: settings.auth.usernameSecret },
        { key: 'GOLDEN_PATH_PASSWORD', secret: settings.auth.passwordSecret },
      ];
}
