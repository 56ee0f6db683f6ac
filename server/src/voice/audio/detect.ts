/** Container detection by magic bytes; the client's content type is never trusted. */

export type AudioContainer = 'wav' | 'webm' | 'ogg' | 'mp3' | 'm4a' | 'flac'

export const MIME_BY_CONTAINER: Record<AudioContainer, string> = {
  wav: 'audio/wav', webm: 'audio/webm', ogg: 'audio/ogg', mp3: 'audio/mpeg', m4a: 'audio/mp4', flac: 'audio/flac',
}

/** The container of `buf`, or null when it is none of the accepted audio formats. */
export function detectContainer(buf: Uint8Array): AudioContainer | null {
  const ascii = (start: number, end: number) => Buffer.from(buf.subarray(start, end)).toString('latin1')
  if (buf.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav'
  if (buf.length >= 4 && buf[0] === 0x1a && buf[1] === 0x45 && buf[2] === 0xdf && buf[3] === 0xa3) return 'webm' // EBML (WebM/Matroska)
  if (buf.length >= 4 && ascii(0, 4) === 'OggS') return 'ogg'
  if (buf.length >= 4 && ascii(0, 4) === 'fLaC') return 'flac'
  if (buf.length >= 12 && ascii(4, 8) === 'ftyp') return 'm4a' // ISO BMFF: M4A, MP4, 3GP, QuickTime audio
  if (buf.length >= 3 && ascii(0, 3) === 'ID3') return 'mp3'
  if (buf.length >= 4 && isMpegAudioFrame(buf)) return 'mp3'
  return null
}

/** An MPEG audio frame header: 11 sync bits, a valid version, layer, bitrate and sample rate. */
function isMpegAudioFrame(b: Uint8Array) {
  if (b[0] !== 0xff || (b[1]! & 0xe0) !== 0xe0) return false
  const version = (b[1]! >> 3) & 3, layer = (b[1]! >> 1) & 3
  const bitrate = (b[2]! >> 4) & 15, rate = (b[2]! >> 2) & 3
  return version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3
}
