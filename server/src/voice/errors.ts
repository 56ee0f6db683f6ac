/**
 * Typed voice errors. Every one is an `AppError`, so the HTTP edge maps it to its status by code
 * (INVALID_AUDIO 400, PAYLOAD_TOO_LARGE 413, UNSUPPORTED_AUDIO 415, NO_SPEECH 422, VOICE_UNAVAILABLE 503).
 */
import { AppError } from '../http/errors'

/** The one line that makes every offline voice feature available on Debian/Ubuntu. */
export const VOICE_INSTALL_COMMAND = 'sudo apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng sox ffmpeg'

export const invalidAudio = (message: string, details?: unknown) => new AppError('INVALID_AUDIO', message, details)
export const unsupportedAudio = (message: string, details?: unknown) => new AppError('UNSUPPORTED_AUDIO', message, details)
export const audioTooLarge = (message: string, details?: unknown) => new AppError('PAYLOAD_TOO_LARGE', message, details)
export const noSpeech = () => new AppError('NO_SPEECH', "I didn't hear anything.")
export const voiceUnavailable = (reason: string, installCommand = VOICE_INSTALL_COMMAND) =>
  new AppError('VOICE_UNAVAILABLE', `${reason} Install it with: ${installCommand}`, { reason, installCommand })
