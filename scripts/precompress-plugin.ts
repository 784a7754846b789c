/**
 * A Vite plugin that writes a brotli (`.br`) and a gzip (`.gz`) copy beside
 * each text file of the client build, so the server sends compressed bytes
 * without compressing on every request (brotli at its best level is far too
 * slow to do per request). Uses Node's zlib: both formats are built in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Files worth compressing: text. Images and fonts are compressed formats already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this a compressed copy saves less than the headers it adds. */
const MIN_BYTES = 1024;

async function writeCompressedCopies(file: string): Promise<void> {
  const raw = await readFile(file);
  if (raw.byteLength < MIN_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
      },
    }),
    gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy that is not smaller is useless; the server then sends the original.
  if (br.byteLength < raw.byteLength) await writeFile(`${file}.br`, br);
  if (gz.byteLength < raw.byteLength) await writeFile(`${file}.gz`, gz);
}

export function precompress(): Plugin {
  return {
    name: 'improvement-lab:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? path.dirname(options.file ?? '');
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(files.map((name) => writeCompressedCopies(path.join(outDir, name))));
    },
  };
}
