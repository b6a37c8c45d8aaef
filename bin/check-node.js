// Plain JS with old syntax on purpose: this must load, and refuse clearly, on any Node a user
// might have, long before our real code (compiled for ^22.22 || >=24) would break obscurely.

function parseVersion(text) {
  // "22", "22.x" and "22.*" are partial versions: the missing parts are null.
  var m = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+].*)?$/.exec(String(text).trim());
  if (!m) return null;
  var minor = m[2] === undefined || /[xX*]/.test(m[2]) ? null : Number(m[2]);
  var patch = minor === null || m[3] === undefined || /[xX*]/.test(m[3]) ? null : Number(m[3]);
  return { parts: [Number(m[1]), minor, patch] };
}

function compare(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

// One comparator as [lower, upper) bounds: {min, minInclusive, max} with 3-number arrays.
function comparatorBounds(text) {
  var m = /^(\^|~|>=|<=|>|<|=)?\s*(.+)$/.exec(text);
  if (!m) return null;
  var op = m[1] || '=';
  var v = parseVersion(m[2]);
  if (!v) return null;
  var p = v.parts;
  var full = [p[0], p[1] || 0, p[2] || 0];
  var next;
  if (op === '>=') return { min: full };
  if (op === '<') return { max: full };
  if (op === '>') {
    // ">22" means past every 22.x, ">22.1" past every 22.1.x.
    next = p[1] === null ? [p[0] + 1, 0, 0] : p[2] === null ? [p[0], p[1] + 1, 0] : [p[0], p[1], p[2] + 1];
    return { min: next };
  }
  if (op === '<=') {
    next = p[1] === null ? [p[0] + 1, 0, 0] : p[2] === null ? [p[0], p[1] + 1, 0] : [p[0], p[1], p[2] + 1];
    return { max: next };
  }
  if (op === '^') {
    if (p[0] > 0 || p[1] === null) next = [p[0] + 1, 0, 0];
    else if (p[1] > 0 || p[2] === null) next = [0, p[1] + 1, 0];
    else next = [0, 0, p[2] + 1];
    return { min: full, max: next };
  }
  // "~" and "=" (a partial "=22" matches all of 22.x, like npm).
  if (op === '~' && p[1] !== null) return { min: full, max: [p[0], p[1] + 1, 0] };
  if (p[1] === null) return { min: full, max: [p[0] + 1, 0, 0] };
  if (p[2] === null) return { min: full, max: [p[0], p[1] + 1, 0] };
  return { min: full, max: [p[0], p[1], p[2] + 1] };
}

/**
 * Whether `version` satisfies the semver `range` (the forms used in "engines": `||`,
 * space-separated comparators, ^ ~ >= > <= < =, partial versions).
 * Returns null when the range is not understood, so callers can let the user through.
 */
export function satisfiesRange(version, range) {
  var v = parseVersion(version);
  if (!v || v.parts[1] === null || v.parts[2] === null) return null;
  var sets = String(range).split('||');
  var understood = false;
  for (var i = 0; i < sets.length; i++) {
    var set = sets[i].trim();
    if (set === '' || set === '*' || set === 'x') return true;
    var comparators = set.split(/\s+/);
    var all = true;
    for (var j = 0; j < comparators.length; j++) {
      var b = comparatorBounds(comparators[j]);
      if (!b) return null;
      if ((b.min && compare(v.parts, b.min) < 0) || (b.max && compare(v.parts, b.max) >= 0)) all = false;
    }
    understood = true;
    if (all) return true;
  }
  return understood ? false : null;
}

/** The message to refuse this Node with, or null when it is supported (or the range is unknown). */
export function nodeVersionProblem(name, range, version, execPath) {
  if (!range || satisfiesRange(version, range) !== false) return null;
  return (
    name + ' needs Node ' + range + ', but it was started with Node ' + version +
    (execPath ? ' (' + execPath + ')' : '') + '.\n' +
    'Install a supported Node (for example `nvm install 24`) and run it again.'
  );
}
