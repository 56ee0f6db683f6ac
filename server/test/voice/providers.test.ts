/** Cloud-compatible providers against a local node:http server speaking their protocols (no internet). */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeWav } from '../../src/voice/audio/wav'
import { sttFromEnv } from '../../src/voice/stt/fromEnv'
import { OpenAiStt } from '../../src/voice/stt/openai'
import { PocketSphinxStt } from '../../src/voice/stt/pocketsphinx/provider'
import { WhisperStt } from '../../src/voice/stt/whisper'
import { recognizeSpeech } from '../../src/voice/recognize'
import { voiceStatus } from '../../src/voice/status'
import { ElevenLabsTts } from '../../src/voice/tts/elevenlabs'
import { EspeakTts } from '../../src/voice/tts/espeak'
import { ttsFromEnv } from '../../src/voice/tts/fromEnv'
import { OpenAiTts } from '../../src/voice/tts/openai'
import { VOICE_INSTALL_COMMAND } from '../../src/voice/errors'
import { missingTools } from './support'

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }

let server: Server
let base = ''
const seen: Seen[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body })
      if (req.url === '/v1/audio/transcriptions') {
        if (req.headers.authorization !== 'Bearer sk-test') { res.writeHead(401).end('{"error":"bad key"}'); return }
        const text = body.toString('latin1')
        const model = /name="model"\r\n\r\n([^\r]*)/.exec(text)?.[1]
        const language = /name="language"\r\n\r\n([^\r]*)/.exec(text)?.[1]
        const hasWav = text.includes('filename="audio.wav"') && text.includes('RIFF') && text.includes('WAVE')
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ text: hasWav ? ` create a task called budget review (${model}, ${language}) ` : 'no wav' }))
      } else if (req.url === '/v1/audio/speech') {
        const json = JSON.parse(body.toString()) as { input: string; voice: string; model: string; response_format: string }
        res.writeHead(200, { 'content-type': 'audio/mpeg' })
        res.end(Buffer.from(`MP3:${json.model}:${json.voice}:${json.response_format}:${json.input}`))
      } else if (req.url?.startsWith('/v1/text-to-speech/')) {
        if (req.headers['xi-api-key'] !== 'el-key') { res.writeHead(401).end('{"detail":"invalid key"}'); return }
        const json = JSON.parse(body.toString()) as { text: string; model_id: string }
        res.writeHead(200, { 'content-type': 'audio/mpeg' })
        res.end(Buffer.from(`EL:${decodeURIComponent(req.url.split('/')[3]!.split('?')[0]!)}:${json.model_id}:${json.text}`))
      } else {
        res.writeHead(404).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const tone = () => Int16Array.from({ length: 16000 }, (_, i) => Math.round(Math.sin(i / 10) * 8000 * (i > 3000 && i < 13000 ? 1 : 0.001)))

describe('OpenAI-compatible speech-to-text', () => {
  it('uploads a WAV as multipart with model and language, with or without /v1 in the base URL', async () => {
    for (const url of [base, `${base}/v1`, `${base}/v1/`]) {
      const stt = new OpenAiStt({ baseUrl: url, apiKey: 'sk-test', model: 'whisper-large-v3' })
      const t = await stt.transcribe(tone(), { language: 'es' })
      expect(t.text).toBe('create a task called budget review (whisper-large-v3, es)')
      expect(t.language).toBe('es')
      expect(t.confidence).toBeGreaterThan(0.6)
    }
    expect(seen.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
  })

  it('goes through the whole pipeline (bytes → text) and reports the provider', async () => {
    const stt = sttFromEnv({ STT_PROVIDER: 'openai', OPENAI_BASE_URL: base, OPENAI_API_KEY: 'sk-test', STT_MODEL: 'm' })
    const r = await recognizeSpeech(stt, encodeWav(tone()), { language: 'en' })
    expect(r).toMatchObject({ provider: 'openai', text: 'create a task called budget review (m, en)', lowConfidence: false })
  })

  it('a refused key → VOICE_UNAVAILABLE with the upstream status', async () => {
    const stt = new OpenAiStt({ baseUrl: base, apiKey: 'wrong' })
    await expect(stt.transcribe(tone(), { language: 'en' })).rejects.toMatchObject({ code: 'VOICE_UNAVAILABLE', status: 503, message: expect.stringContaining('401') })
  })

  it('the official endpoint without a key is unavailable (and never called)', async () => {
    expect(await new OpenAiStt({}).status()).toMatchObject({ available: false, reason: 'OPENAI_API_KEY is not set.' })
  })
})

describe('OpenAI-compatible and ElevenLabs text-to-speech', () => {
  it('openai: JSON request to /v1/audio/speech, audio back with its type', async () => {
    const tts = ttsFromEnv({ TTS_PROVIDER: 'openai', OPENAI_BASE_URL: base, OPENAI_API_KEY: 'sk-test', TTS_MODEL: 'tts-1-hd' })
    const out = await tts.synthesize('Done. I created the task.', { language: 'en', voice: 'nova' })
    expect(out).toEqual({ mimeType: 'audio/mpeg', audio: Buffer.from('MP3:tts-1-hd:nova:mp3:Done. I created the task.') })
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer sk-test')
    expect(await new OpenAiTts({}).status()).toMatchObject({ available: false })
  })

  it('elevenlabs: xi-api-key header, voice in the path, multilingual model', async () => {
    const tts = new ElevenLabsTts({ apiKey: 'el-key', baseUrl: base })
    const out = await tts.synthesize('Hecho.', { language: 'es', voice: 'my voice' })
    expect(out.audio.toString()).toBe('EL:my voice:eleven_multilingual_v2:Hecho.')
    expect(out.mimeType).toBe('audio/mpeg')
    await expect(new ElevenLabsTts({ apiKey: 'bad', baseUrl: base }).synthesize('x', { language: 'en' })).rejects.toMatchObject({ code: 'VOICE_UNAVAILABLE' })
    expect(await new ElevenLabsTts({}).status()).toMatchObject({ available: false, reason: 'ELEVENLABS_API_KEY is not set.' })
  })
})

describe('selection and availability', () => {
  it('chooses providers from the environment, pocketsphinx and espeak-ng by default', () => {
    expect(sttFromEnv({}).name).toBe('pocketsphinx')
    expect(sttFromEnv({ STT_PROVIDER: 'whisper' }).name).toBe('whisper')
    expect(ttsFromEnv({}).name).toBe('espeak-ng')
    expect(ttsFromEnv({ TTS_PROVIDER: 'elevenlabs' }).name).toBe('elevenlabs')
    expect(() => sttFromEnv({ STT_PROVIDER: 'nope' })).toThrow(/Unknown STT_PROVIDER/)
  })

  it('without the Debian packages: unavailable, with the exact install command, and requests answer 503', async () => {
    const env = { PATH: '/nonexistent' }
    const stt = new PocketSphinxStt({ env })
    const tts = new EspeakTts({ env })
    expect(await stt.status()).toEqual({ available: false, reason: expect.stringContaining('pocketsphinx'), installCommand: VOICE_INSTALL_COMMAND })
    expect(VOICE_INSTALL_COMMAND).toBe('sudo apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng sox ffmpeg')
    await expect(stt.transcribe(tone(), { language: 'en' })).rejects.toMatchObject({ code: 'VOICE_UNAVAILABLE', status: 503, details: { installCommand: VOICE_INSTALL_COMMAND } })
    await expect(tts.synthesize('hi', { language: 'en' })).rejects.toMatchObject({ code: 'VOICE_UNAVAILABLE' })
    const status = await voiceStatus(stt, tts)
    expect(status).toMatchObject({ available: false, stt: { provider: 'pocketsphinx', available: false }, tts: { provider: 'espeak-ng', available: false }, installCommand: VOICE_INSTALL_COMMAND })
  })

  it('whisper: unavailable without a model file, never imported', async () => {
    let imported = false
    const stt = new WhisperStt({ importer: async () => { imported = true; return {} } })
    expect(await stt.status()).toMatchObject({ available: false, reason: 'WHISPER_MODEL_PATH is not set.' })
    expect(await new WhisperStt({ modelPath: '/nonexistent/ggml.bin' }).status()).toMatchObject({ available: false })
    expect(imported).toBe(false)
  })

  it('whisper: uses a binding when one is installed and a model is given', async () => {
    const stt = new WhisperStt({
      modelPath: import.meta.filename,
      importer: async (name) => {
        if (name !== '@fugood/whisper.node') throw new Error('not installed')
        return { initWhisper: async () => ({ transcribeData: (_: ArrayBuffer, o: { language: string }) => ({ promise: Promise.resolve({ result: ` hola (${o.language})` }) }) }) }
      },
    })
    expect(await stt.status()).toEqual({ available: true })
    expect((await stt.transcribe(tone(), { language: 'es' })).text).toBe('hola (es)')
  })
})

describe.skipIf(missingTools('espeak-ng') !== null)('espeak-ng text-to-speech', () => {
  it('returns a well-formed WAV in English and Spanish', async () => {
    const tts = new EspeakTts()
    for (const language of ['en', 'es'] as const) {
      const started = performance.now()
      const { audio, mimeType } = await tts.synthesize(language === 'en' ? 'I created the task budget review, due tomorrow.' : 'He creado la tarea.', { language })
      expect(mimeType).toBe('audio/wav')
      expect(audio.toString('ascii', 0, 4)).toBe('RIFF')
      expect(audio.readUInt32LE(4)).toBe(audio.length - 8) // sizes fixed (espeak streams 0x7FFFFFFF)
      expect(audio.length).toBeGreaterThan(20_000)
      expect(performance.now() - started).toBeLessThan(3000)
    }
    // An option-looking voice is ignored rather than passed to espeak-ng.
    expect((await tts.synthesize('hello', { language: 'en', voice: '--help' })).audio.toString('ascii', 0, 4)).toBe('RIFF')
  })
})
