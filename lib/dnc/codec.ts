/**
 * How a registry copy is stored: blocks of whole prefix groups, each block
 *
 *   u32 groupCount | groupCount x (u32 prefix, u16 lineCount) | all lines as u16
 *
 * little-endian, stored in base64. A dense registry costs about 2 bytes a number plus 6 bytes a prefix (the
 * full US registry has ~160 numbers a prefix); a block holds up to BLOCK_LINES numbers so
 * a copy of 5 million numbers is ~150 rows of ~70 KB, written and read in a few statements.
 */
import { CompactNumberSet } from "./number-set";

export const BLOCK_LINES = 32_768;

/** Splits the set into encoded blocks, never cutting a prefix group (at most 10,000 lines) in two. */
export function encodeBlocks(set: CompactNumberSet): Uint8Array<ArrayBuffer>[] {
  const blocks: Uint8Array<ArrayBuffer>[] = [];
  const groups = set.prefixes.length;
  let first = 0;
  while (first < groups) {
    let last = first;
    while (last + 1 < groups && set.starts[last + 2]! - set.starts[first]! <= BLOCK_LINES) last++;
    blocks.push(encodeBlock(set, first, last));
    first = last + 1;
  }
  return blocks;
}

function encodeBlock(set: CompactNumberSet, first: number, last: number): Uint8Array<ArrayBuffer> {
  const groupCount = last - first + 1;
  const lineStart = set.starts[first]!;
  const lineEnd = set.starts[last + 1]!;
  const headerBytes = 4 + groupCount * 6;
  const bytes = new Uint8Array(headerBytes + (lineEnd - lineStart) * 2);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, groupCount, true);
  for (let g = 0; g < groupCount; g++) {
    view.setUint32(4 + g * 6, set.prefixes[first + g]!, true);
    view.setUint16(8 + g * 6, set.starts[first + g + 1]! - set.starts[first + g]!, true);
  }
  for (let i = lineStart; i < lineEnd; i++) view.setUint16(headerBytes + (i - lineStart) * 2, set.lines[i]!, true);
  return bytes;
}

/** Rebuilds the set from its blocks in order; throws on a block that does not parse. */
export function decodeBlocks(blocks: readonly Uint8Array[]): CompactNumberSet {
  let groupTotal = 0;
  let lineTotal = 0;
  const views = blocks.map((block) => {
    const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
    const groupCount = view.getUint32(0, true);
    const headerBytes = 4 + groupCount * 6;
    if (block.byteLength < headerBytes || (block.byteLength - headerBytes) % 2 !== 0) throw new Error("A registry block is damaged");
    groupTotal += groupCount;
    lineTotal += (block.byteLength - headerBytes) / 2;
    return { view, groupCount, headerBytes };
  });
  const prefixes = new Uint32Array(groupTotal);
  const starts = new Uint32Array(groupTotal + 1);
  const lines = new Uint16Array(lineTotal);
  let group = 0;
  let line = 0;
  for (const { view, groupCount, headerBytes } of views) {
    let offset = headerBytes;
    for (let g = 0; g < groupCount; g++, group++) {
      prefixes[group] = view.getUint32(4 + g * 6, true);
      starts[group] = line;
      const count = view.getUint16(8 + g * 6, true);
      if (offset + count * 2 > view.byteLength) throw new Error("A registry block is damaged");
      for (let i = 0; i < count; i++, offset += 2) lines[line++] = view.getUint16(offset, true);
    }
  }
  starts[groupTotal] = line;
  if (line !== lineTotal) throw new Error("A registry block is damaged");
  return new CompactNumberSet(prefixes, starts, lines);
}
