/**
 * Whether a listen address is reachable from this machine only. Zero-set-up (no accounts, the
 * local user is admin) is allowed on such an address alone.
 */
import { ConfigError } from '../../runtime/config';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/** Refuses a start that would open the app to the network with nobody to sign in. */
export function assertStartable(host: string, hasAccounts: boolean): void {
  if (hasAccounts || isLoopback(host)) return;
  throw new ConfigError(
    `HOST=${host} makes newsgraph reachable from other machines, and it has no accounts yet, so anyone could use it as admin.\n` +
      `Add an admin first, then start again:\n` +
      `  npm run user:add -- NAME --role admin\n` +
      `(or leave HOST unset to use it from this machine only, with no sign-in).`,
  );
}
