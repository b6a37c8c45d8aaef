import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compress, compressible, pickEncoding } from '../../../src/runtime/node/compress.ts';
import { parseManifest, type BuildManifest } from '../../../src/runtime/node/manifest.ts';
import { isCompressible, MIN_PRECOMPRESS_BYTES, precompress } from '../../../src/toolchain/build/compress.ts';
import { renderServerEntry } from '../../../src/toolchain/build/entry.ts';
import { packageName } from '../../../src/toolchain/build/externals.ts';
import { contentHash, hashedName } from '../../../src/toolchain/build/hash.ts';
import { formatBytes, formatSizeReport, sizeReport } from '../../../src/toolchain/build/size-report.ts';
import { appLayout } from '../../../src/toolchain/layout.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vango-build-unit-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('content hashes', () => {
  it('change exactly when the bytes do, and go before the extension', () => {
    const a = contentHash(new TextEncoder().encode('a'));
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(contentHash(new TextEncoder().encode('a'))).toBe(a);
    expect(contentHash(new TextEncoder().encode('b'))).not.toBe(a);
    expect(hashedName('vango.js', 'abcd1234')).toBe('vango.abcd1234.js');
    expect(hashedName('hooks.client.js', 'abcd1234')).toBe('hooks.client.abcd1234.js');
  });
});

describe('precompression', () => {
  it('writes .br and .gz siblings that decode to the file, for text files above the threshold', () => {
    const d = tmp();
    const file = join(d, 'app.css');
    const text = 'body { color: red; }\n'.repeat(50);
    writeFileSync(file, text);
    const sizes = precompress(file)!;
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(text);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(text);
    expect(sizes.gzip).toBe(readFileSync(`${file}.gz`).length);
    expect(sizes.brotli).toBeLessThan(text.length);
  });

  it('skips small files and formats that are compressed already', () => {
    const d = tmp();
    writeFileSync(join(d, 'small.txt'), 'x'.repeat(MIN_PRECOMPRESS_BYTES - 1));
    expect(precompress(join(d, 'small.txt'))).toBeUndefined();
    expect(isCompressible('photo.png')).toBe(false);
    expect(isCompressible('font.woff2')).toBe(false);
    expect(isCompressible('app.JS')).toBe(true);
  });
});

describe('encoding negotiation', () => {
  it('prefers brotli, honours q-values and q=0, and limits to what exists', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
    expect(pickEncoding('br, gzip', ['gzip'])).toBe('gzip');
  });

  it('compresses text types only, and both encodings round-trip', () => {
    expect(compressible('text/html; charset=utf-8')).toBe(true);
    expect(compressible('application/json')).toBe(true);
    expect(compressible('image/png')).toBe(false);
    const body = new TextEncoder().encode('<p>hello</p>'.repeat(100));
    expect(new Uint8Array(gunzipSync(compress(body, 'gzip')))).toEqual(body);
    expect(new Uint8Array(brotliDecompressSync(compress(body, 'br')))).toEqual(body);
  });
});

describe('the server entry', () => {
  it('imports the route table and the config and starts the server from its own folder', () => {
    const d = tmp();
    writeFileSync(join(d, 'vango.config.ts'), 'export default {};\n');
    const src = renderServerEntry(appLayout(d));
    expect(src).toContain("import { startServer } from 'vango/server';");
    expect(src).toContain("import { routeTable } from './routes.gen.ts';");
    expect(src).toContain("import config from '../../vango.config.ts';");
    expect(src).toContain("startServer({ routeTable, config: config, root: new URL('.', import.meta.url) })");
  });

  it('works without a config file', () => {
    const src = renderServerEntry(appLayout(tmp()));
    expect(src).not.toContain('vango.config');
    expect(src).toContain('config: {}');
  });
});

describe('externals', () => {
  it('names the package of a specifier', () => {
    expect(packageName('vango/server')).toBe('vango');
    expect(packageName('@scope/pkg/sub/path')).toBe('@scope/pkg');
    expect(packageName('left-pad')).toBe('left-pad');
  });
});

const manifest = (clientGzip: number): BuildManifest => ({
  version: 1,
  client: '/assets/vango.abcd1234.js',
  assets: { 'vango.js': { file: 'assets/vango.abcd1234.js', url: '/assets/vango.abcd1234.js', size: 20_000, gzip: clientGzip, brotli: clientGzip - 500 } },
  public: { 'robots.txt': { file: 'public/robots.txt', size: 23 } },
  server: { file: 'server.js', size: 4096 },
  budget: { client: 8192 },
});

describe('size report', () => {
  it('prints file, raw, gzip, brotli as an aligned table', () => {
    const lines = formatSizeReport(sizeReport(manifest(7000)));
    expect(lines[0]).toMatch(/^file\s+raw\s+gzip\s+brotli$/);
    expect(lines).toContain('assets/vango.abcd1234.js  19.53 kB  6.84 kB  6.35 kB');
    expect(lines.some((l) => /^public\/robots\.txt\s+23 B\s+-\s+-$/.test(l))).toBe(true);
    expect(lines.join('\n')).not.toContain('warning');
    expect(new Set(lines.slice(0, 2).map((l) => l.length)).size).toBe(1);
  });

  it('warns, in the given color, when the client is over its gzip budget', () => {
    const report = sizeReport(manifest(9000));
    expect(report.over.map((r) => r.file)).toEqual(['assets/vango.abcd1234.js']);
    const lines = formatSizeReport(report, (s) => `<y>${s}</y>`);
    expect(lines).toContain('<y>warning: assets/vango.abcd1234.js is 8.79 kB gzip, over its budget of 8.00 kB</y>');
    expect(lines.find((l) => l.includes('assets/vango') && l.includes('over budget'))).toMatch(/^<y>/);
    expect(formatBytes(1023)).toBe('1023 B');
  });
});

describe('manifest parsing', () => {
  it('accepts a manifest and rejects anything else with a hint', () => {
    expect(parseManifest(JSON.stringify(manifest(1))).client).toBe('/assets/vango.abcd1234.js');
    expect(() => parseManifest('{')).toThrow(/manifest\.json: not JSON .*run `vango build` again/);
    expect(() => parseManifest('{"version":2}')).toThrow(/not a Vango build manifest/);
  });
});
