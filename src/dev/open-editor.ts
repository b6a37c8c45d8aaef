/**
 * "Open in editor" for the overlay's file:line:col link. The file comes from an HTTP request, so it is
 * confined to the app root (symlinks resolved) and the editor is spawned without a shell: nothing in
 * the path or in $EDITOR is ever interpreted as shell syntax.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';

export interface EditorCommand {
  command: string;
  args: string[];
}

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => Pick<ChildProcess, 'once' | 'unref'>;

export interface OpenOptions {
  /** The app root; files outside it (after resolving symlinks) are refused. */
  root: string;
  env?: NodeJS.ProcessEnv;
  /** Injectable for tests. */
  spawn?: SpawnFn;
}

/** Thrown for a file outside the root or missing; the dev server answers 403/404 with its message. */
export class OpenEditorError extends Error {
  readonly status: 403 | 404;
  constructor(message: string, status: 403 | 404) {
    super(message);
    this.name = 'OpenEditorError';
    this.status = status;
  }
}

/**
 * Splits $EDITOR like a shell would split words (quotes and backslashes), without expanding anything:
 * `"/Applications/Sublime Text.app/.../subl" -w` is a command with a space in it plus one flag.
 */
export function splitCommand(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < s.length && /[\s"'\\]/.test(s[i + 1]!)) {
      // Only before a space, quote or backslash: elsewhere it is a Windows path separator (C:\Tools\x).
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

type Family = 'vscode' | 'vim' | 'emacs' | 'sublime' | 'jetbrains' | 'unknown';

const FAMILIES: Record<string, Family> = {
  code: 'vscode', 'code-insiders': 'vscode', cursor: 'vscode', codium: 'vscode', vscodium: 'vscode', windsurf: 'vscode',
  vim: 'vim', nvim: 'vim', vi: 'vim', gvim: 'vim', mvim: 'vim',
  emacs: 'emacs', emacsclient: 'emacs', nano: 'emacs',
  subl: 'sublime', sublime_text: 'sublime',
  idea: 'jetbrains', idea64: 'jetbrains', webstorm: 'jetbrains', webstorm64: 'jetbrains', phpstorm: 'jetbrains',
  pycharm: 'jetbrains', goland: 'jetbrains', rubymine: 'jetbrains', clion: 'jetbrains', rider: 'jetbrains',
};

function family(command: string): Family {
  const name = basename(command.replace(/\\/g, '/')).toLowerCase().replace(/\.(exe|cmd|bat|sh)$/, '');
  return FAMILIES[name] ?? 'unknown';
}

const positive = (n: number): number => (Number.isInteger(n) && n > 0 ? n : 1);

/** The editor command line for file:line:column. $VANGO_EDITOR, then $EDITOR, then `code -g`. */
export function editorCommand(file: string, line: number, column: number, env: NodeJS.ProcessEnv = process.env): EditorCommand {
  const configured = env.VANGO_EDITOR?.trim() || env.EDITOR?.trim();
  const words = configured ? splitCommand(configured) : ['code'];
  const [command = 'code', ...flags] = words;
  const l = positive(line);
  const c = positive(column);
  // Strip a -g the user already put in $EDITOR ("code -g") so it is not passed twice.
  const base = flags.filter((f) => !(family(command) === 'vscode' && (f === '-g' || f === '--goto')));
  switch (family(command)) {
    case 'vscode':
      return { command, args: [...base, '-g', `${file}:${l}:${c}`] };
    case 'vim':
      return { command, args: [...base, `+${l}`, file] };
    case 'emacs':
      return { command, args: [...base, `+${l}:${c}`, file] };
    case 'sublime':
      return { command, args: [...base, `${file}:${l}:${c}`] };
    case 'jetbrains':
      return { command, args: [...base, '--line', String(l), file] };
    default:
      return { command, args: [...base, file] };
  }
}

/** `file` resolved against `root`, symlinks included; throws {@link OpenEditorError} outside it. */
export function confine(root: string, file: string): string {
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    throw new OpenEditorError(`app root not found: ${root}`, 404);
  }
  try {
    real = realpathSync(resolve(root, file));
  } catch {
    throw new OpenEditorError(`no such file: ${file}`, 404);
  }
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new OpenEditorError(`refusing to open a file outside the app: ${file}`, 403);
  }
  return real;
}

/**
 * Opens `file` (absolute, or relative to the root) at line:column in the user's editor, detached so
 * the editor outlives `vango dev`. Resolves with what it ran once the process started; rejects when
 * the file is refused or the editor cannot be started (ENOENT: not on PATH).
 */
export function openInEditor(file: string, line: number, column: number, options: OpenOptions): Promise<EditorCommand> {
  let cmd: EditorCommand;
  try {
    cmd = editorCommand(confine(options.root, file), line, column, options.env ?? process.env);
  } catch (err) {
    return Promise.reject(err);
  }
  const run = options.spawn ?? (nodeSpawn as SpawnFn);
  return new Promise((res, rej) => {
    let child: Pick<ChildProcess, 'once' | 'unref'>;
    try {
      child = run(cmd.command, cmd.args, { detached: true, stdio: 'ignore', shell: false, windowsHide: true });
    } catch (err) {
      rej(err);
      return;
    }
    child.once('error', (err) => rej(new Error(`could not start the editor \`${cmd.command}\`: ${err.message} (set VANGO_EDITOR)`)));
    child.once('spawn', () => {
      child.unref();
      res(cmd);
    });
  });
}
