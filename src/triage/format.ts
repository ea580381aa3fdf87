import type { KeyCount } from '../netstat/snapshot.js';
import type { TcpState } from '../netstat/states.js';

/** 12248 -> "12,248". */
export function num(n: number): string {
  // Hand-rolled: Intl formatting costs more than the whole rule set on a snapshot.
  const r = Math.round(n);
  const digits = String(Math.abs(r));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return r < 0 ? `-${out}` : out;
}

/** 0.823 -> "82%"; small non-zero shares keep one decimal ("0.5%"). */
export function pct(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 1) return `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/** "CLOSE_WAIT" as people write it (kept canonical; one place to change). */
export function stateName(state: TcpState): string {
  return state;
}

/** A process key as printed ("31014/java", "sshd (pid 812)", "4") to words, or undefined for "-". */
export function describeProcess(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const k = key.trim();
  // "-" is netstat's "no owner"; pid 0 is what Windows prints for TIME_WAIT rows.
  if (k === '' || k === '-' || k === '0') return undefined;
  const slash = /^(\d+)\/(\S.*)$/.exec(k);
  if (slash) return `${slash[2]} (pid ${slash[1]})`;
  if (/^\d+$/.test(k)) return `pid ${k}`;
  return k;
}

/** The numeric pid inside a process key, if any. */
export function pidOf(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const m = /^(\d+)(?:\/|$)/.exec(key.trim()) ?? /pid[ =]?(\d+)/.exec(key);
  return m?.[1];
}

/** The program name inside a process key, if any. */
export function programOf(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const slash = /^\d+\/(\S+)/.exec(key.trim());
  if (slash) return slash[1];
  const paren = /^(\S+) \(pid/.exec(key.trim());
  return paren?.[1];
}

/** ":8080" for a port key. */
export function port(key: string): string {
  return `:${key}`;
}

/** "10.0.0.5:5432" stays; an IPv6 endpoint key gets brackets for readability. */
export function endpoint(key: string): string {
  const colons = key.split(':').length - 1;
  if (colons > 1 && !key.startsWith('[')) {
    const i = key.lastIndexOf(':');
    return `[${key.slice(0, i)}]:${key.slice(i + 1)}`;
  }
  return key;
}

/** Host and port of an endpoint key ("10.0.0.5:5432"). */
export function splitEndpoint(key: string): { host: string; port: string } {
  const i = key.lastIndexOf(':');
  if (i < 0) return { host: key, port: '' };
  return { host: key.slice(0, i).replace(/^\[|\]$/g, ''), port: key.slice(i + 1) };
}

/** "8445 ×7, 8080 ×6, 8443 ×1" for the top keys of a dimension. */
export function listKeys(keys: KeyCount[], render: (k: string) => string, max = 3): string {
  const shown = keys.slice(0, max).map((k) => `${render(k.key)} ×${num(k.count)}`);
  if (keys.length > max) shown.push('…');
  return shown.join(', ');
}

/** "1 socket" / "2 sockets". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}
