/**
 * The MLflow server Flowpad syncs with, kept in this browser's localStorage (per origin). The token is stored
 * here too and only ever sent, as the `Authorization` header, to that server's URL.
 */
import { createSignal, type Accessor } from 'solid-js';
import { MlflowRegistryRestClient, MlflowRestClient, type RegistryPushTargets } from '../interop/rest';

export interface SyncSettings {
  /** Server root, e.g. `http://127.0.0.1:5000`. */
  url: string;
  /** A bare token (sent as `Bearer <token>`) or a whole header value (`Basic …`, `Bearer …`). */
  token: string;
}

const KEY = 'flowpad.sync.server';

function load(): SyncSettings {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<SyncSettings>;
    return { url: typeof v.url === 'string' ? v.url : '', token: typeof v.token === 'string' ? v.token : '' };
  } catch {
    return { url: '', token: '' };
  }
}

/** The `Authorization` header value for a token field, or undefined when it is empty. */
export function authorizationOf(token: string): string | undefined {
  const t = token.trim();
  if (!t) return undefined;
  return /^(Bearer|Basic|Token)\s/i.test(t) ? t : `Bearer ${t}`;
}

/** A REST client for the settings. */
export function makeRemote(s: SyncSettings): MlflowRestClient {
  return new MlflowRestClient({ baseUrl: s.url.trim(), authorization: authorizationOf(s.token) });
}

/** Tracking and registry REST clients for the settings (a registry push needs both). */
export function makeRegistryRemote(s: SyncSettings, tracking: MlflowRestClient): RegistryPushTargets {
  return { tracking, registry: new MlflowRegistryRestClient({ baseUrl: s.url.trim(), authorization: authorizationOf(s.token) }) };
}

/** The saved settings as a signal, and a setter that saves them. */
export function createSyncSettings(): [Accessor<SyncSettings>, (s: SyncSettings) => void] {
  const [settings, setSettings] = createSignal(load());
  return [settings, (s) => {
    localStorage.setItem(KEY, JSON.stringify(s));
    setSettings(s);
  }];
}
