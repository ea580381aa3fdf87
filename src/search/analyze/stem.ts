/**
 * A light English stemmer: folds plurals and -ed/-ing/-e endings so `closes`, `closed`,
 * `closing` and `close` meet. Names with digits or underscores (tcp_tw_reuse) are left alone.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /[_0-9]/.test(word) || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

// stopped -> stopp -> stop; but keep ss/ll (process, poll).
function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !/[slz]/.test(w[n - 1] ?? '')) return w.slice(0, -1);
  return w;
}
