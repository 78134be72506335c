// Application default credentials for `vigil export`, through google-auth-library, loaded only
// when an export runs (it is not needed by any other command).
import { MONITORING_READ_SCOPE } from './monitoring-rest';

export type TokenResult = { readonly token: string } | { readonly missing: string };

/** A token provider: a token, or why there is none (in words). */
export type TokenProvider = () => Promise<TokenResult>;

export const applicationDefaultToken: TokenProvider = async () => {
  const { GoogleAuth } = require('google-auth-library') as typeof import('google-auth-library');
  try {
    const auth = new GoogleAuth({ scopes: [MONITORING_READ_SCOPE] });
    const token = await auth.getAccessToken();
    return token ? { token } : { missing: 'application default credentials gave no access token' };
  } catch (error) {
    return { missing: (error as Error).message.split('\n')[0] };
  }
};
