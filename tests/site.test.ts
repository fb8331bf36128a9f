/**
 * `iop site` and the preview's pieces without a browser: what the site
 * holds and leaves out, its security (CSP on every page, no script on
 * handouts, no facilitator text in client pages or the search index), the
 * no-loss writing, the preview's incremental rebuild and its server's
 * refusal of anything outside the site.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadCurriculum} from '../src/curriculum/load-curriculum.js'
import {buildSite} from '../src/site/build-site.js'
import {PreviewSite} from '../src/site/preview-site.js'
import {sitePath, startPreviewServer} from '../src/site/preview-server.js'
import {UserError} from '../src/util/user-error.js'
import {run} from './helpers/run-cli.js'
import {facilitatorSecret, siteCurriculum} from './helpers/site-curriculum.js'

const dir = siteCurriculum()
const site = buildSite(loadCurriculum([dir]))
const html = [...site.files].filter(([name]) => name.endsWith('.html'))
const policyOf = (text: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(text)?.[1].replace(/&#x27;|&#39;/g, "'")

describe('iop site: contents', () => {
  it('lists every valid module and leaves out drafts and modules with lint errors', () => {
    const modules = [...site.files.keys()].filter((name) => /^modules\/[^/]+\/index\.html$/.test(name)).map((name) => name.split('/')[1]).sort()
    expect(modules).toEqual(['anger-and-resentment', 'coping-with-cravings', 'family-roles', 'grief-and-loss', 'joining-the-group', 'movement-and-exercise', 'understanding-stress'])
    expect(site.drafts.map((file) => path.basename(file))).toEqual(['draft-session.md'])
    expect(site.excluded.map((file) => path.basename(file))).toEqual(['broken-session.md'])
    expect(site.files.get('index.html')).not.toMatch(/draft-session|broken-session/)
    expect(site.files.get('assets/search-index.js')).not.toMatch(/draft-session|broken-session/)
  })

  it('gives each module its page, guide, handouts and source, and lists it by group and phase', () => {
    for (const name of ['index.html', 'guide.html', 'handouts.html', 'source.html', 'coping-with-cravings.md']) expect(site.files.has(`modules/coping-with-cravings/${name}`)).toBe(true)
    const page = site.files.get('modules/coping-with-cravings/index.html')!
    for (const text of ['Coping with Cravings', 'Objectives', 'Materials', 'Agenda', 'href="guide.html"', 'href="handouts.html"', 'href="source.html"', '90 min']) expect(page).toContain(text)
    expect(site.files.get('groups/relapse-prevention.html')).toContain('modules/coping-with-cravings/index.html')
    expect(site.files.get('phases/early-recovery.html')).toContain('modules/coping-with-cravings/index.html')
  })

  it('gives a module with a Spanish translation its Spanish handouts, linked from its page, with no script and no facilitator text', () => {
    const spanish = site.files.get('modules/coping-with-cravings/handouts.es.html')!
    expect(spanish).toContain('<html lang="es">')
    expect(spanish).toMatch(/988[^<]*español/)
    expect(spanish).not.toMatch(/<script/)
    expect(spanish).not.toContain(facilitatorSecret)
    expect(site.files.get('modules/coping-with-cravings/index.html')).toContain('href="handouts.es.html" hreflang="es"')
    expect(site.files.get('modules/joining-the-group/index.html')).toContain('Client handouts in Spanish (español)')
    // No translation, no link and no page.
    expect(site.files.has('modules/grief-and-loss/handouts.es.html')).toBe(false)
    expect(site.files.get('modules/grief-and-loss/index.html')).not.toContain('handouts.es.html')
  })

  it('puts a strict Content-Security-Policy on every page, and script-src only where a page loads a script', () => {
    expect(html.length).toBeGreaterThan(30)
    for (const [name, text] of html) {
      const policy = policyOf(text)
      expect(policy, name).toBeDefined()
      expect(policy, name).toMatch(/default-src 'none'/)
      expect(policy, name).toMatch(/base-uri 'none'/)
      expect(policy, name).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
      const scripts = [...text.matchAll(/<script\b([^>]*)>/g)]
      for (const [, attributes] of scripts) expect(attributes, name).toMatch(/^ src="[^"]+"$/)
      expect(policy!.includes("script-src 'self'"), name).toBe(scripts.length > 0)
      expect(text, name).not.toMatch(/ style="| on[a-z]+="/)
    }
  })

  it('gives client handout pages no script at all and no facilitator-only text', () => {
    const handouts = html.filter(([name]) => name.endsWith('/handouts.html'))
    expect(handouts).toHaveLength(7)
    for (const [name, text] of handouts) {
      expect(text, name).not.toMatch(/<script/i)
      expect(policyOf(text), name).not.toMatch(/script-src/)
      expect(text, name).not.toContain(facilitatorSecret)
    }
    // The word is there to find: the guide shows it, as facilitator material.
    expect(site.files.get('modules/coping-with-cravings/guide.html')).toContain(facilitatorSecret)
  })

  it('keeps facilitator-only text out of the search index, which every browser of the site loads', () => {
    const index = site.files.get('assets/search-index.js')!
    expect(index).toMatch(/^\/\/ .*\nglobalThis\.iopSearch = \{/)
    expect(index).not.toContain(facilitatorSecret)
    expect(index).toContain('urge')
  })

  it('gives the same bytes for the same inputs', () => {
    const again = buildSite(loadCurriculum([dir]))
    expect([...again.files.keys()]).toEqual([...site.files.keys()])
    for (const [name, text] of site.files) expect(again.files.get(name), name).toBe(text)
  })
})

describe('iop site: the command', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'iop-site-cli-'))

  it('writes the site, a manifest of its files, and exits 1 naming the module left out for lint errors', async () => {
    const result = await run(['site', '--curriculum', dir, '--out', 'site'], work)
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/^site: site\/index\.html \(7 modules, \d+ pages\)\n$/)
    expect(result.err).toMatch(/left out \(lint errors; run `iop lint .*broken-session\.md`\)/)
    expect(result.err).toMatch(/left out \(draft: true\): .*draft-session\.md/)
    const manifest = JSON.parse(readFileSync(path.join(work, 'site', 'curriculum.json'), 'utf8')) as {tool: string; kind: string; files: string[]}
    expect([manifest.tool, manifest.kind]).toEqual(['iop-curriculum', 'site'])
    expect(manifest.files).toContain('modules/coping-with-cravings/handouts.html')
  })

  it('rewrites its own site, refuses a folder with files it did not write, and keeps them with --force', async () => {
    writeFileSync(path.join(work, 'site', 'notes.txt'), 'mine')
    const refused = await run(['site', '--curriculum', dir, '--out', 'site'], work)
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/notes\.txt.*that iop did not write/)
    const forced = await run(['site', '--curriculum', dir, '--out', 'site', '--force'], work)
    expect(forced.code).toBe(1)
    expect(readFileSync(path.join(work, 'site', 'notes.txt'), 'utf8')).toBe('mine')
    expect(existsSync(path.join(work, 'site', 'index.html'))).toBe(true)
  })

  it('adds a page per program with its verdict, hours and a calendar linking module pages', async () => {
    const result = await run(['site', '--out', path.join(work, 'with-program'), '--program', 'examples/evening-program.yaml'])
    expect(result.code).toBe(0)
    const page = readFileSync(path.join(work, 'with-program', 'programs', 'evening-iop.html'), 'utf8')
    expect(page).toMatch(/class="verdict ok">Meets ASAM 2\.1/)
    expect(page).toContain('Hours per week')
    expect(page).toMatch(/href="\.\.\/modules\/[a-z-]+\/index\.html"/)
    expect(existsSync(path.join(work, 'with-program', 'programs', 'evening-iop.ics'))).toBe(true)
    expect(readFileSync(path.join(work, 'with-program', 'programs', 'index.html'), 'utf8')).toContain('href="evening-iop.html"')
  })

  it('iop preview: a bad port or a missing folder is a usage mistake (exit 2)', async () => {
    const port = await run(['preview', dir, '--port', 'http'], work)
    expect([port.code, port.err]).toEqual([2, 'iop: Unexpected --port http, expected a whole number from 0 to 65535\n'])
    const missing = await run(['preview', 'no-such-folder'], work)
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/no-such-folder: Unexpected missing curriculum folder/)
  })

  it('needs --out (exit 2)', async () => {
    const result = await run(['site'], work)
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/Missing --out DIR/)
  })
})

describe('iop preview: the site in memory', () => {
  it('shows drafts as drafts, and a module with lint errors with its messages and no guide or handouts', () => {
    const preview = new PreviewSite({dirs: [dir], cwd: dir})
    expect(preview.files.get('modules/draft-session/index.html')).toContain('Draft: this module is being written')
    expect(preview.files.has('modules/draft-session/handouts.html')).toBe(true)
    const broken = preview.files.get('modules/broken-session/index.html')!
    expect(broken).toMatch(/support\/broken-session\.md:\d+:\d+: error: Unexpected number `7` for `minutes`/)
    expect(preview.files.has('modules/broken-session/handouts.html')).toBe(false)
    expect(preview.files.has('modules/broken-session/guide.html')).toBe(false)
    expect(preview.files.get('index.html')).toContain('<a href="modules/broken-session/index.html">broken-session</a>')
  })

  it('rebuilds only the saved module and the pages that list modules', () => {
    const copy = siteCurriculum()
    const preview = new PreviewSite({dirs: [copy]})
    const file = path.join(copy, 'support', 'grief-and-loss.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Grief, Loss and Hope'))
    const changed = preview.update([file])
    expect(changed.filter((name) => name.startsWith('/modules/'))).toEqual(['/modules/grief-and-loss/grief-and-loss.md', '/modules/grief-and-loss/guide.html', '/modules/grief-and-loss/handouts.html', '/modules/grief-and-loss/index.html', '/modules/grief-and-loss/source.html'])
    expect(changed).toEqual(expect.arrayContaining(['/index.html', '/assets/search-index.js', '/groups/support.html']))
    expect(preview.files.get('modules/grief-and-loss/index.html')).toContain('<h1>Grief, Loss and Hope</h1>')

    // A lint error turns it into a draft with messages; fixing it brings the handouts back.
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace(/^minutes: .*$/m, 'minutes: 7'))
    preview.update([file])
    expect(preview.files.has('modules/grief-and-loss/handouts.html')).toBe(false)
    expect(preview.files.get('modules/grief-and-loss/index.html')).toMatch(/grief-and-loss\.md:\d+:\d+: error/)
    writeFileSync(file, text)
    preview.update([file])
    expect(preview.files.has('modules/grief-and-loss/handouts.html')).toBe(true)
  })
})

describe('iop preview: the server', () => {
  const files = new Map([['index.html', 'home'], ['modules/a/index.html', 'a']])
  const has = (name: string) => files.has(name)

  it('resolves paths inside the site only', () => {
    expect(sitePath('/', has)).toBe('index.html')
    expect(sitePath('/modules/a/', has)).toBe('modules/a/index.html')
    expect(sitePath('/modules/a', has)).toBe('modules/a/index.html')
    for (const bad of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/modules/..%2f..%2f..%2fetc%2fpasswd', '/..%5c..%5cwindows', '/%00', '/%E0%A4%A']) expect(sitePath(bad, has), bad).toBeUndefined()
  })

  const servers: Array<{close(): Promise<void>}> = []
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
  })

  /** A raw request, so the path is sent exactly as written. */
  const get = (port: number, rawPath: string, host = `127.0.0.1:${port}`) =>
    new Promise<{status: number; body: string}>((resolve, reject) => {
      const req = request({host: '127.0.0.1', port, path: rawPath, headers: {host}}, (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({status: res.statusCode ?? 0, body}))
      })
      req.on('error', reject)
      req.end()
    })

  it('serves the site on 127.0.0.1, nothing outside it, and only to its own host name', async () => {
    const secretDir = mkdtempSync(path.join(tmpdir(), 'iop-preview-secret-'))
    mkdirSync(path.join(secretDir, 'x'))
    writeFileSync(path.join(secretDir, 'secret.txt'), 'secret')
    const server = await startPreviewServer((name) => files.get(name), 0)
    servers.push(server)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await get(server.port, '/')).toEqual({status: 200, body: 'home'})
    for (const bad of ['/../../../../etc/passwd', `/..${secretDir}/secret.txt`, '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', `/${path.relative('/', secretDir)}/secret.txt`]) {
      const response = await get(server.port, bad)
      expect(response.status, bad).toBe(404)
      expect(response.body, bad).not.toMatch(/secret|root:/)
    }
    expect((await get(server.port, '/', 'attacker.example:80')).status).toBe(421)
  })

  it('says clearly when the port is taken', async () => {
    const first = await startPreviewServer((name) => files.get(name), 0)
    servers.push(first)
    const error = await startPreviewServer((name) => files.get(name), first.port).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(`127.0.0.1:${first.port}: Unexpected port already in use, expected a free port (try --port ${first.port + 1}, or --port 0 for any free port)`)
  })
})
