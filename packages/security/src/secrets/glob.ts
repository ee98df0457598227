// Matches repository paths against the globs of allowlist entries.

/**
 * A regex for a path glob: `*` and `?` stay within one directory, `**` spans any number, `{a,b}` is either,
 * `[…]` a character class. A glob without `/` matches the file name in any directory (as in .gitignore); a
 * leading `/` anchors it at the root. Dotfiles are not special (`**` matches `.github`).
 */
export function pathGlobToRegExp(glob: string): RegExp {
  let pattern = glob.startsWith('/') ? glob.slice(1) : glob;
  const anyDirectory = !glob.startsWith('/') && !pattern.includes('/');
  if (pattern.endsWith('/')) pattern += '**';
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '*' && pattern.charAt(index + 1) === '*') {
      const slashAfter = pattern.charAt(index + 2) === '/';
      const atSegmentStart = index === 0 || pattern.charAt(index - 1) === '/';
      if (atSegmentStart && slashAfter) {
        source += '(?:.*/)?';
        index += 2;
      } else if (atSegmentStart && index + 2 === pattern.length && index > 0) {
        // `dir/**`: the directory's contents at any depth.
        source = `${source.slice(0, -1)}(?:/.*)?`;
        index += 1;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const close = pattern.indexOf('}', index);
      if (close === -1) {
        source += '\\{';
        continue;
      }
      const options = pattern
        .slice(index + 1, close)
        .split(',')
        .map(escapeRegExp);
      source += `(?:${options.join('|')})`;
      index = close;
    } else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      const body = pattern
        .slice(index + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      source += `[${body}]`;
      index = close;
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${anyDirectory ? '(?:.*/)?' : ''}${source}$`);
}

/** True when `path` (relative, with '/') matches `glob`. */
export function matchesPathGlob(path: string, glob: string): boolean {
  return pathGlobToRegExp(glob).test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
