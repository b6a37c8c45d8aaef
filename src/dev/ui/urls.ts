/**
 * The addresses to print for a listening dev server. A wildcard host (0.0.0.0, ::) is not an address a
 * browser can open: show localhost for this machine and the LAN addresses for phones and other devices.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export interface DisplayUrls {
  local: string;
  network: string[];
}

const WILDCARD = new Set(['0.0.0.0', '[::]', '::']);

/** `interfaces` is injectable for tests; it defaults to this machine's. */
export function displayUrls(url: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): DisplayUrls {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { local: url, network: [] };
  }
  if (!WILDCARD.has(parsed.hostname)) return { local: url, network: [] };
  const withHost = (host: string): string => {
    const u = new URL(parsed.href);
    u.hostname = host;
    return stripSlash(u.href, url);
  };
  const network: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.internal || info.family !== 'IPv4') continue;
      network.push(withHost(info.address));
    }
  }
  return { local: withHost('localhost'), network };
}

/** URL serialization adds a trailing "/" to a bare origin; keep the shape the server gave us. */
function stripSlash(href: string, original: string): string {
  return !original.endsWith('/') && href.endsWith('/') ? href.slice(0, -1) : href;
}
