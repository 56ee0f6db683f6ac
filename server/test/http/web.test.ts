/** The web app's routes: the page for browsers and tools alike, JSON 404s for API clients. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../harness'

let t: TestContext
beforeAll(async () => { t = await createTestContext() })
afterAll(async () => { await t.close() })

const get = (url: string, accept?: string) => t.app.inject({ method: 'GET', url, headers: accept === undefined ? {} : { accept } })

describe('web routes', () => {
  it('serves the page at / and at client-side routes to browsers, curl (*/*) and clients that send no Accept', async () => {
    for (const [url, accept] of [['/', 'text/html,application/xhtml+xml'], ['/', '*/*'], ['/', undefined], ['/tasks/5f1c', 'text/html'], ['/board', '*/*']] as const) {
      const res = await get(url, accept)
      expect(res.statusCode, `${url} ${accept}`).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.body).toMatch(/<title>Baton<\/title>|Baton is running/)
    }
  })

  it('answers JSON 404s to API paths and to clients that want JSON only', async () => {
    for (const [url, accept] of [['/api/v1/nope', 'text/html'], ['/api/v1/nope', '*/*'], ['/docs/nope', 'text/html'], ['/board', 'application/json']] as const) {
      const res = await get(url, accept)
      expect(res.statusCode, `${url} ${accept}`).toBe(404)
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
  })

  it('tells the sign-in page whether the demo organization is there', async () => {
    const res = await get('/app-config.json', 'application/json')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ demo: false })
  })
})
