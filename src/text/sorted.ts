/**
 * Ascending lists of offsets into a text, searched in log time: stages that
 * ask "which one comes before here" at every quotation or cue would
 * otherwise walk the list from one end each time.
 */

/** Index of the last value below `limit` in an ascending list, or -1 when there is none. */
export function lastBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? 0) < limit) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
