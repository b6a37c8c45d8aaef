/**
 * "Open in editor": the argument form per editor family, $EDITOR parsing without a shell, and the
 * confinement of request-supplied paths to the app root.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorCommand, openInEditor, OpenEditorError, splitCommand, type SpawnFn } from '../../../src/dev/open-editor.ts';

const F = '/app/src/x.tsx';
const cmd = (editor: string | undefined, extra: NodeJS.ProcessEnv = {}) => editorCommand(F, 3, 7, { ...(editor === undefined ? {} : { EDITOR: editor }), ...extra });

describe('editorCommand', () => {
  it('defaults to code -g', () => {
    expect(cmd(undefined)).toEqual({ command: 'code', args: ['-g', `${F}:3:7`] });
  });

  it('VANGO_EDITOR wins over EDITOR', () => {
    expect(cmd('vim', { VANGO_EDITOR: 'subl' })).toEqual({ command: 'subl', args: [`${F}:3:7`] });
  });

  it.each([
    ['code', ['-g', `${F}:3:7`]],
    ['cursor', ['-g', `${F}:3:7`]],
    ['codium', ['-g', `${F}:3:7`]],
    ['code -g', ['-g', `${F}:3:7`]],
    ['code --wait', ['--wait', '-g', `${F}:3:7`]],
    ['vim', ['+3', F]],
    ['nvim', ['+3', F]],
    ['vi', ['+3', F]],
    ['emacs', ['+3:7', F]],
    ['emacsclient -n', ['-n', '+3:7', F]],
    ['nano', ['+3:7', F]],
    ['subl', [`${F}:3:7`]],
    ['idea', ['--line', '3', F]],
    ['webstorm', ['--line', '3', F]],
    ['/usr/local/bin/nvim', ['+3', F]],
    ['C:\\Tools\\Code.exe', ['-g', `${F}:3:7`]],
    ['gedit', [F]],
  ])('%s', (editor, args) => {
    expect(cmd(editor).args).toEqual(args);
  });

  it('keeps a quoted command with spaces as one word', () => {
    expect(cmd('"/Applications/Sublime Text.app/Contents/SharedSupport/bin/subl" -w')).toEqual({
      command: '/Applications/Sublime Text.app/Contents/SharedSupport/bin/subl',
      args: ['-w', `${F}:3:7`],
    });
  });

  it('a Windows path in $EDITOR keeps its backslashes', () => {
    expect(cmd('C:\\Tools\\Code.exe').command).toBe('C:\\Tools\\Code.exe');
  });

  it('bad line/column numbers fall back to 1', () => {
    expect(editorCommand(F, Number.NaN, -2, { EDITOR: 'code' }).args).toEqual(['-g', `${F}:1:1`]);
  });

  it('splitCommand does not expand shell syntax', () => {
    expect(splitCommand(`vim; rm -rf / $(touch x) 'a b' "c\\"d"`)).toEqual(['vim;', 'rm', '-rf', '/', '$(touch', 'x)', 'a b', 'c"d']);
  });
});

describe('openInEditor', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'vango-open-'));
    root = join(base, 'app');
    outside = join(base, 'secret.txt');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src', 'page.tsx'), '');
    writeFileSync(outside, '');
    symlinkSync(outside, join(root, 'src', 'link.txt'));
  });
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  function fakeSpawn(outcome: 'spawn' | 'error' = 'spawn') {
    const calls: { command: string; args: readonly string[]; options: object }[] = [];
    let unrefs = 0;
    const spawn: SpawnFn = (command, args, options) => {
      calls.push({ command, args, options });
      const child = Object.assign(new EventEmitter(), { unref: () => void unrefs++ });
      queueMicrotask(() => (outcome === 'spawn' ? child.emit('spawn') : child.emit('error', new Error('spawn nvim ENOENT'))));
      return child as unknown as ReturnType<SpawnFn>;
    };
    return { spawn, calls, unrefs: () => unrefs };
  }

  it('spawns the editor detached, without a shell, and returns what it ran', async () => {
    const f = fakeSpawn();
    const ran = await openInEditor(join(root, 'src', 'page.tsx'), 4, 2, { root, env: { EDITOR: 'nvim' }, spawn: f.spawn });
    expect(ran.command).toBe('nvim');
    expect(ran.args[0]).toBe('+4');
    expect(ran.args[1]).toMatch(/src[\\/]page\.tsx$/);
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]!.options).toMatchObject({ detached: true, stdio: 'ignore', shell: false });
    expect(f.unrefs()).toBe(1);
  });

  it('accepts a path relative to the root', async () => {
    const f = fakeSpawn();
    await expect(openInEditor('src/page.tsx', 1, 1, { root, env: {}, spawn: f.spawn })).resolves.toMatchObject({ command: 'code' });
  });

  it.each([
    ['a path outside the root', () => outside],
    ['a ../ escape', () => join(root, '..', 'secret.txt')],
    ['a symlink pointing outside', () => join(root, 'src', 'link.txt')],
    ['the root itself', () => root],
  ])('refuses %s with 403 and spawns nothing', async (_name, file) => {
    const f = fakeSpawn();
    const err = await openInEditor(file(), 1, 1, { root, env: {}, spawn: f.spawn }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenEditorError);
    expect((err as OpenEditorError).status).toBe(403);
    expect(f.calls).toHaveLength(0);
  });

  it('a missing file is a 404', async () => {
    const f = fakeSpawn();
    const err = await openInEditor(join(root, 'nope.tsx'), 1, 1, { root, env: {}, spawn: f.spawn }).catch((e: unknown) => e);
    expect((err as OpenEditorError).status).toBe(404);
    expect(f.calls).toHaveLength(0);
  });

  it('an editor that cannot start rejects with a hint', async () => {
    const f = fakeSpawn('error');
    await expect(openInEditor('src/page.tsx', 1, 1, { root, env: { EDITOR: 'nvim' }, spawn: f.spawn })).rejects.toThrow(/could not start the editor `nvim`.*VANGO_EDITOR/);
  });
});
