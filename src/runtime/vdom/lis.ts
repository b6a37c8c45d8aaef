/**
 * Longest increasing subsequence, used to move as few nodes as possible in a keyed reorder.
 * Entries equal to -1 (new nodes) are ignored. Returns the positions (indexes into `seq`) of one LIS.
 * O(n log n): patience sorting with predecessor links.
 */
export function lis(seq: Int32Array | number[]): number[] {
  const n = seq.length;
  const prev = new Int32Array(n);
  const tails: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = seq[i]!;
    if (v < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const out = new Array<number>(tails.length);
  let k = tails.length > 0 ? tails[tails.length - 1]! : -1;
  for (let i = tails.length - 1; i >= 0; i--) {
    out[i] = k;
    k = prev[k]!;
  }
  return out;
}
