/**
 * Rows ⇄ JSON for backups. Rows are structured-clone values (Maps, typed arrays, Blobs, NaN…), which JSON
 * cannot hold, so those become one-key tag objects; the bytes of typed arrays go to a binary sidecar of the
 * page and Blobs to entries of their own, so nothing is base64-inflated and big files stream.
 *
 * Tags: `{$u:0}` undefined · `{$n:"NaN"|"Infinity"|"-Infinity"|"-0"}` · `{$map:[[k,v],…]}` · `{$set:[…]}` ·
 * `{$date:ms}` · `{$ta:"Float64Array",o,n}` (n bytes at offset o of the sidecar) · `{$ab:{o,n}}` ·
 * `{$blob:"blobs/7",size,type}` · `{$o:{…}}` a plain object that has a key starting with `$`.
 */
import { invalidParam } from '../../core/errors';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const TYPED = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array,
  Float64Array, BigInt64Array, BigUint64Array,
} as const;
type TypedName = keyof typeof TYPED;

/** A Blob found while encoding, to be written as the zip entry `name`. */
export interface BlobRef {
  name: string;
  blob: Blob;
}

/** Encodes the rows of one page; typed-array bytes collect in `binary`, Blobs are handed to `onBlob`. */
export class PageEncoder {
  readonly binary: Uint8Array[] = [];
  binaryBytes = 0;
  constructor(private readonly blobName: (blob: Blob) => string) {}

  encode(v: unknown): Json {
    if (v === undefined) return { $u: 0 };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (Number.isFinite(v) && !Object.is(v, -0)) return v;
      return { $n: Object.is(v, -0) ? '-0' : String(v) };
    }
    if (typeof v !== 'object') throw new Error(`backup: cannot encode a ${typeof v}`);
    if (Array.isArray(v)) return v.map((x) => this.encode(x));
    if (v instanceof Map) return { $map: [...v].map(([k, x]) => [this.encode(k), this.encode(x)]) };
    if (v instanceof Set) return { $set: [...v].map((x) => this.encode(x)) };
    if (v instanceof Date) return { $date: v.getTime() };
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name;
      if (!(name in TYPED)) throw new Error(`backup: cannot encode a ${name}`);
      return { $ta: name, ...this.bytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    }
    if (v instanceof ArrayBuffer) return { $ab: this.bytes(new Uint8Array(v)) };
    if (typeof Blob !== 'undefined' && v instanceof Blob) return { $blob: this.blobName(v), size: v.size, type: v.type };
    const out: { [k: string]: Json } = {};
    let escaped = false;
    for (const [k, x] of Object.entries(v)) {
      out[k] = this.encode(x);
      if (k.startsWith('$')) escaped = true;
    }
    return escaped ? { $o: out } : out;
  }

  private bytes(b: Uint8Array): { o: number; n: number } {
    const at = this.binaryBytes;
    this.binary.push(b.slice());
    this.binaryBytes += b.byteLength;
    return { o: at, n: b.byteLength };
  }
}

const damaged = (why: string) => invalidParam(`The backup is damaged: ${why}.`);

/** Decodes one page's rows; refuses unknown tags, out-of-range sidecar offsets and unknown Blob entries. */
export class PageDecoder {
  constructor(
    private readonly binary: Uint8Array,
    private readonly blob: (name: string, size: number, type: string) => Blob,
  ) {}

  decode(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => this.decode(x));
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const tag = keys.find((k) => k.startsWith('$'));
    if (tag === undefined) {
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = this.decode(o[k]);
      return out;
    }
    switch (tag) {
      case '$u': return undefined;
      case '$n': return this.special(o.$n);
      case '$map': return new Map(this.list(o.$map).map((e) => this.entry(e)));
      case '$set': return new Set(this.list(o.$set).map((x) => this.decode(x)));
      case '$date': return new Date(this.num(o.$date));
      case '$ta': return this.typed(o);
      case '$ab': return this.slice(o.$ab as Record<string, unknown>).buffer;
      case '$blob': return this.blob(String(o.$blob), this.num(o.size), typeof o.type === 'string' ? o.type : '');
      case '$o': {
        const inner = o.$o;
        if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) throw damaged('a $o value is not an object');
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(inner)) out[k] = this.decode(x);
        return out;
      }
      default: throw damaged(`unknown value tag '${tag}'`);
    }
  }

  private special(s: unknown): number {
    const map: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };
    if (typeof s !== 'string' || !(s in map)) throw damaged(`bad number tag ${JSON.stringify(s)}`);
    return map[s];
  }
  private list(x: unknown): unknown[] {
    if (!Array.isArray(x)) throw damaged('a list tag holds no list');
    return x;
  }
  private entry(e: unknown): [unknown, unknown] {
    if (!Array.isArray(e) || e.length !== 2) throw damaged('a map entry is not a [key, value] pair');
    return [this.decode(e[0]), this.decode(e[1])];
  }
  private num(x: unknown): number {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw damaged('a tag holds no number');
    return x;
  }
  private slice(r: Record<string, unknown> | undefined): Uint8Array {
    const at = this.num(r?.o);
    const n = this.num(r?.n);
    if (!Number.isInteger(at) || !Number.isInteger(n) || at < 0 || n < 0 || at + n > this.binary.byteLength) {
      throw damaged('binary data points outside its page');
    }
    return this.binary.slice(at, at + n);
  }
  private typed(o: Record<string, unknown>): ArrayBufferView {
    const name = o.$ta;
    if (typeof name !== 'string' || !(name in TYPED)) throw damaged(`unknown array type ${JSON.stringify(name)}`);
    const Ctor = TYPED[name as TypedName];
    const bytes = this.slice(o);
    if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw damaged(`a ${name} has a partial element`);
    return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
}
