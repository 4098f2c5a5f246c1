// Converts one input per message with the compiled code in dist/ (built by test/global-setup.ts), so
// that the fuzz harness can end a conversion that hangs by terminating this thread.
import { parentPort } from 'node:worker_threads';

const dist = new URL('../../dist/', import.meta.url);
const { convertBuffer } = await import(new URL('src/convert.js', dist).href);
const { IngestError } = await import(new URL('parsers/types.js', dist).href);
const { validator } = await import(new URL('src/validate/index.js', dist).href);
const validate = validator();

parentPort.on('message', async ({ id, bytes, name }) => {
  try {
    const ctx = await convertBuffer(Buffer.from(bytes), name, { validate });
    parentPort.postMessage({ id, ok: true, items: ctx.referat.items.length, chars: ctx.referat.text.length });
  } catch (e) {
    parentPort.postMessage({
      id,
      ok: false,
      ingest: e instanceof IngestError,
      reason: e instanceof IngestError ? e.reason : `${e?.name ?? 'Error'}: ${e?.message ?? String(e)}`,
      stack: e instanceof IngestError ? null : (e?.stack ?? null),
    });
  }
});
parentPort.postMessage({ ready: true });
