/**
 * Bytes of a text file → a string. Uploads carry no trustworthy charset, so: a UTF-16 byte-order
 * mark wins (Windows "Unicode" exports), then strict UTF-8 (a BOM is dropped), and bytes that are
 * not valid UTF-8 are read as Latin-1, which accepts any byte sequence (older Windows/Excel CSVs).
 */

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes) // drops a leading BOM
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  }
}
