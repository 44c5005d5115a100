/**
 * Whether a declared name (with `*` wildcards) matches an actual cookie or storage key. Walks both once,
 * going back only to the last star: at worst the product of their lengths, whatever the name. (A RegExp
 * of a few stars takes seconds to refuse a long key, and its `.` stops at a line break a key may hold.)
 */
export function matchesStorageName(declared: string, actual: string): boolean {
  let d = 0;
  let a = 0;
  // The last star seen, and where in `actual` the run it matches ends for now.
  let star = -1;
  let end = 0;
  while (a < actual.length) {
    if (declared[d] === '*') {
      star = d++;
      end = a;
    } else if (d < declared.length && declared[d] === actual[a]) {
      d++;
      a++;
    } else if (star >= 0) {
      // What follows the star did not match here: let the star take one more character and try again.
      d = star + 1;
      a = ++end;
    } else return false;
  }
  while (declared[d] === '*') d++;
  return d === declared.length;
}
