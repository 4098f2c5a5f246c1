/**
 * Limits on a DOCX before anything in it is parsed: how many parts it has, how far it expands (zip
 * bombs: a few MB that inflate to gigabytes, with honest or with lying size fields) and how deeply its
 * XML nests (mammoth and the HTML reader recurse over the tree).
 *
 * The parts are checked as JSZip (which mammoth uses too) sees them: every part is inflated once, as a
 * stream, counting the bytes and scanning the nesting of XML parts without keeping the output, and the
 * inflation stops as soon as the total passes the limit. Corrupt compressed data is not judged here:
 * the reader that needs the part reports it.
 */
import type JSZip from 'jszip';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { formatSize } from './limits.js';
import { IngestError } from './types.js';

export interface DocxLimits {
  maxUncompressed: number;
  maxXmlDepth: number;
  maxZipEntries: number;
}

/** JSZip's internal view of a part read from an archive (lib/compressedObject.js, JSZip 3.x). */
interface CompressedPart {
  uncompressedSize: number;
  compression: { magic: string } | null;
  compressedContent: Uint8Array;
}

const COMMENT_END = [0x2d, 0x2d, 0x3e] as const;
const CDATA_END = [0x5d, 0x5d, 0x3e] as const;
const PI_END = [0x3f, 0x3e] as const;
const GT = [0x3e] as const;

const STORE = '\x00\x00';
const DEFLATE = '\x08\x00';

/**
 * The number of entries the archive's end-of-central-directory record declares (ZIP64 included), or
 * null when there is no such record (JSZip then reports the archive as corrupt).
 */
export function declaredEntryCount(bytes: Uint8Array): number | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) return null;
  const count = buf.readUInt16LE(eocd + 10);
  if (count !== 0xffff) return count;
  // ZIP64: the locator (20 bytes) sits right before the record and points at the ZIP64 record
  const loc = eocd - 20;
  if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) return count;
  const rec = Number(buf.readBigUInt64LE(loc + 8));
  if (!Number.isSafeInteger(rec) || rec + 56 > buf.length || buf.readUInt32LE(rec) !== 0x06064b50) return count;
  const total = Number(buf.readBigUInt64LE(rec + 32));
  return Number.isSafeInteger(total) ? total : Number.MAX_SAFE_INTEGER;
}

/** Refuses an archive with more parts than the limit, before JSZip builds an object for each. */
export function checkEntryCount(bytes: Uint8Array, limits: Pick<DocxLimits, 'maxZipEntries'>): void {
  const n = declaredEntryCount(bytes);
  if (n !== null && n > limits.maxZipEntries) {
    throw new IngestError(`DOCX has too many parts: ${n} (limit ${limits.maxZipEntries})`, 'too-many-parts');
  }
}

/**
 * Maximum element nesting of an XML document fed in chunks. A small state machine over the bytes:
 * start tags (not self-closing) go one level down, end tags one up; declarations, processing
 * instructions, comments and CDATA are skipped; quotes in attribute values are honoured.
 */
export class XmlDepthMeter {
  depth = 0;
  max = 0;
  // 0 text, 1 after "<", 2 in a start tag, 3 in an end tag, 4 in <!...> or <?...?>
  private state = 0;
  private quote = 0;
  private slash = false;
  // in state 4: the terminator ("-->", "]]>", "?>", ">") and how much of it has been seen
  private term: readonly number[] | null = null;
  private termSeen = 0;
  private head = '';

  feed(chunk: Uint8Array, limit = Infinity): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      switch (this.state) {
        case 0:
          if (c === 0x3c) this.state = 1;
          break;
        case 1:
          if (c === 0x2f) this.state = 3;
          else if (c === 0x21 || c === 0x3f) {
            this.state = 4;
            this.term = c === 0x3f ? PI_END : null;
            this.termSeen = 0;
            this.head = '';
          } else {
            this.state = 2;
            this.quote = 0;
            this.slash = false;
          }
          break;
        case 2:
          if (this.quote) {
            if (c === this.quote) this.quote = 0;
          } else if (c === 0x22 || c === 0x27) this.quote = c;
          else if (c === 0x3e) {
            if (!this.slash && ++this.depth > this.max) {
              this.max = this.depth;
              if (this.max > limit) return;
            }
            this.state = 0;
          }
          this.slash = c === 0x2f;
          break;
        case 3:
          if (c === 0x3e) {
            if (this.depth > 0) this.depth--;
            this.state = 0;
          }
          break;
        case 4:
          if (this.term === null) {
            // after "<!": "--" starts a comment, "[CDATA[" a CDATA section, anything else a declaration
            this.head += String.fromCharCode(c);
            if (this.head === '--') this.term = COMMENT_END;
            else if (this.head === '[CDATA[') this.term = CDATA_END;
            else if (!'--'.startsWith(this.head) && !'[CDATA['.startsWith(this.head)) {
              this.term = GT;
              if (c === 0x3e) this.endSkip();
            }
          } else if (c === this.term[this.termSeen]) {
            if (++this.termSeen === this.term.length) this.endSkip();
          } else if (c === this.term[0]) {
            this.termSeen = this.termSeen === 2 && this.term[1] === c ? 2 : 1; // "--->", "]]]>"
          } else this.termSeen = 0;
          break;
      }
    }
  }

  private endSkip(): void {
    this.state = 0;
    this.term = null;
    this.termSeen = 0;
    this.head = '';
  }
}

/** Inflates raw DEFLATE data as a stream, handing each chunk to `onChunk`; stops when it returns false. Never rejects. */
function inflateStream(data: Uint8Array, onChunk: (chunk: Buffer) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const z = createInflateRaw({ chunkSize: 256 * 1024 });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      z.destroy();
      resolve();
    };
    z.on('data', (chunk: Buffer) => {
      if (!done && !onChunk(chunk)) finish();
    });
    z.on('end', finish);
    z.on('error', finish); // corrupt data: the part's reader reports it
    z.on('close', finish);
    z.end(data);
  });
}

/**
 * Parts that inflate to at most this much are inflated in one synchronous call; larger ones (a big
 * document.xml, or a bomb) are streamed, so memory stays bounded. Streaming every part went through the
 * thread pool once per part, ~5 ms of waiting per DOCX.
 */
const SYNC_INFLATE_LIMIT = 8 * 1024 * 1024;

/** The part inflated; or 'larger' when it inflates past `limit` bytes; or null when its data is corrupt. */
function inflateSmall(data: Uint8Array, limit: number): Buffer | 'larger' | null {
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'larger' : null;
  }
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Checks a loaded archive against the limits: the declared sizes first (no inflation at all), then the
 * real inflated bytes (a size field can lie) and the XML nesting. Throws IngestError.
 */
export async function checkDocxParts(zip: JSZip, limits: DocxLimits): Promise<void> {
  const tooBig = (detail: string) =>
    new IngestError(`DOCX expands beyond ${formatSize(limits.maxUncompressed)} (zip bomb?): ${detail}`, 'zip-bomb');
  const parts: [string, CompressedPart][] = [];
  let declared = 0;
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const data = (file as unknown as { _data?: CompressedPart })._data;
    if (!data || typeof data.uncompressedSize !== 'number' || !(data.compressedContent instanceof Uint8Array)) {
      throw new IngestError(`corrupt DOCX: unexpected part ${name}`, 'corrupt');
    }
    // JSZip reads 32-bit size fields as signed numbers: 2-4 GB come out negative
    declared += data.uncompressedSize < 0 ? data.uncompressedSize + 2 ** 32 : data.uncompressedSize;
    parts.push([name, data]);
  }
  if (declared > limits.maxUncompressed) throw tooBig(`its parts declare ${formatSize(declared)}`);

  let total = 0;
  for (const [name, data] of parts) {
    const xml = isXmlPart(name);
    const meter = xml ? new XmlDepthMeter() : null;
    const magic = data.compression?.magic;
    if (magic === STORE) {
      total += data.compressedContent.length;
      if (total > limits.maxUncompressed) throw tooBig(`${name} and the parts before it are larger than that`);
      meter?.feed(data.compressedContent, limits.maxXmlDepth);
    } else if (magic === DEFLATE) {
      const small = inflateSmall(data.compressedContent, Math.min(SYNC_INFLATE_LIMIT, limits.maxUncompressed - total + 1));
      // larger, or corrupt (streamed as before: what inflates counts, the part's reader reports the rest)
      if (small instanceof Buffer) {
        total += small.length;
        if (total > limits.maxUncompressed) throw tooBig(`${name} inflates past the limit`);
        meter?.feed(small, limits.maxXmlDepth);
      } else await inflateStream(data.compressedContent, (chunk) => {
        total += chunk.length;
        if (total > limits.maxUncompressed) return false;
        meter?.feed(chunk, limits.maxXmlDepth);
        return !meter || meter.max <= limits.maxXmlDepth;
      });
      if (total > limits.maxUncompressed) throw tooBig(`${name} inflates past the limit`);
    } else {
      continue; // JSZip refuses other methods when it loads
    }
    if (meter && meter.max > limits.maxXmlDepth) {
      throw new IngestError(`DOCX XML nests too deeply: ${name} has more than ${limits.maxXmlDepth} levels (limit ${limits.maxXmlDepth})`, 'too-deep');
    }
  }
}
