import type { Stage } from './draft.js';
import { isStateToken } from './states.js';

// net.ipv4.tcp_tw_reuse, /proc/sys/net/ipv4/tcp_tw_reuse, net.core.somaxconn -> the bare name.
const SYSCTL_PATH =
  /(?:\/proc\/sys\/)?\bnet[./](?:ipv4|ipv6|core|netfilter|unix)[./]([a-z0-9_]+)/gi;
// HKLM\SYSTEM\...\Tcpip\Parameters\TcpTimedWaitDelay -> TcpTimedWaitDelay.
const REGISTRY_PATH = /\bHKLM\\[^\s]*\\([A-Za-z0-9]+)\b/g;
// `tcp_tw_reuse`, `SO_LINGER`, `ip_local_port_range`: names with underscores (states are already
// tokens by now and are skipped). CamelCase names such as MaxUserPort or TcpTimedWaitDelay too.
const SNAKE = /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g;
const CAMEL = /\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+\b/g;

/** Strips sysctl and registry paths to the setting's name and records named settings. */
export const settingNames: Stage = (draft) => {
  let text = draft.text.replace(SYSCTL_PATH, ' $1 ').replace(REGISTRY_PATH, ' $1 ');
  text = text.replace(/\brfc[\s-]*(\d{3,4})\b/gi, ' rfc$1 ');
  for (const m of text.matchAll(SNAKE)) {
    const name = m[0].toLowerCase();
    if (!isStateToken(name)) draft.settings.add(name);
  }
  for (const m of text.matchAll(CAMEL)) draft.settings.add(m[0].toLowerCase());
  draft.text = text;
};
