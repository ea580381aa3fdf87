// State spellings per tool and OS, for tests of the commands we print (tcp-facts 92-93, 101,
// 110-111, 119, 171; lsof dialects/linux/dsock.c; illumos netstat.c).

/** A set from a space-separated list. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** ss(8) STATE-FILTER keywords and groups. */
export const SS_FILTERS = words(
  'established syn-sent syn-recv fin-wait-1 fin-wait-2 time-wait closed close-wait last-ack listening closing all connected synchronized bucket big bound-inactive',
);
/** Get-NetTCPConnection -State values. */
export const PS_STATES = words(
  'Closed Listen SynSent SynReceived Established FinWait1 FinWait2 CloseWait Closing LastAck TimeWait DeleteTCB Bound',
);
/** Linux lsof -sTCP: names (the kernel's: no underscore before the digit). */
export const LINUX_LSOF = words(
  'ESTABLISHED SYN_SENT SYN_RECV FIN_WAIT1 FIN_WAIT2 TIME_WAIT CLOSE CLOSE_WAIT LAST_ACK LISTEN CLOSING',
);
/** BSD/macOS netstat and lsof names (tcpstates[]). */
export const BSD_STATES = words(
  'CLOSED LISTEN SYN_SENT SYN_RCVD ESTABLISHED CLOSE_WAIT FIN_WAIT_1 CLOSING LAST_ACK FIN_WAIT_2 TIME_WAIT',
);
/** Solaris/illumos netstat names. */
export const SOLARIS_STATES = new Set([...BSD_STATES, 'IDLE', 'BOUND']);
/** What Windows netstat.exe prints. */
export const WINDOWS_NETSTAT = words(
  'LISTENING ESTABLISHED TIME_WAIT CLOSE_WAIT SYN_SENT SYN_RECEIVED FIN_WAIT_1 FIN_WAIT_2 LAST_ACK CLOSING CLOSED',
);
