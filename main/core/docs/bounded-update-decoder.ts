import type * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/**
 * Honest V2 updates hold at most about one struct per byte: two writers alternating single characters, the
 * densest history measured, come to 0.99; random typing and deleting to 0.2. Twice that leaves room without
 * letting an update build many times the structs an honest one of its size could.
 */
const STRUCTS_PER_BYTE = 2
/** Small updates may always hold this many, whatever their size. */
const MIN_STRUCTS = 10_000

/**
 * A V2 update states how many structs it holds, and its run-length columns repeat their last value without
 * taking bytes, so a few dozen hostile bytes can have Yjs build structs until memory runs out: a 42-byte update
 * from the peer took a station past its memory limit in six seconds. Pass this class wherever an update from
 * outside is decoded (applyUpdateV2, decodeUpdateV2, mergeUpdatesV2, diffUpdateV2 all take a decoder class):
 * it refuses an update claiming more structs than its size allows, before building them, so the caller's
 * refusal path handles it like any malformed update.
 */
export class BoundedUpdateDecoderV2 extends Y.UpdateDecoderV2 {
  private structsLeft: number

  constructor(decoder: decoding.Decoder) {
    super(decoder)
    this.structsLeft = MIN_STRUCTS + STRUCTS_PER_BYTE * decoder.arr.byteLength
  }

  /** Read once per struct. */
  override readInfo(): number {
    if (--this.structsLeft < 0) throw new Error('it claims more parts than an update of its size can hold')
    return super.readInfo()
  }
}
