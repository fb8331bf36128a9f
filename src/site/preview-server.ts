/**
 * The preview's HTTP server (node:http), on 127.0.0.1 only. It serves the
 * in-memory site and nothing else: a path is looked up in the site's file
 * map, never on disk, so no path can reach a file outside the site. Live
 * reload goes over Server-Sent Events at `/__iop/events`.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {UserError} from '../util/user-error.js'

/** Path of the live-reload event stream. */
export const eventsPath = '/__iop/events'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // Shown as text in the browser rather than downloaded.
  '.md': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8'
}

/** A running preview server. */
export interface PreviewServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string
  port: number
  /** Tell open pages which pages changed (each reloads if it is one of them). */
  broadcast(pages: readonly string[]): void
  /** Stop: end the event streams and close every connection. */
  close(): Promise<void>
}

/**
 * Resolve a request path to a site file.
 *
 * @param url The request URL (path and query).
 * @param has Whether the site has a file.
 * @returns The file's site path, or undefined (a 404).
 */
export function sitePath(url: string, has: (name: string) => boolean): string | undefined {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname)
  } catch {
    return undefined
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined
  const normal = path.posix.normalize(pathname.endsWith('/') ? pathname + 'index.html' : pathname)
  if (!normal.startsWith('/') || normal.split('/').includes('..')) return undefined
  const name = normal.slice(1)
  if (has(name)) return name
  return has(`${name}/index.html`) ? `${name}/index.html` : undefined
}

/**
 * Start the server.
 *
 * @param site Reads a site file by its path (`undefined` when there is none).
 * @param port Port on 127.0.0.1; 0 picks a free one.
 * @returns The running server.
 * @throws {UserError} When the port is taken or not allowed.
 */
export async function startPreviewServer(site: (name: string) => string | undefined, port: number): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>()
  let actual = port
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // Another site's page must not read ours through a name that points here (DNS rebinding).
    const host = request.headers.host ?? ''
    if (host !== `127.0.0.1:${actual}` && host !== `localhost:${actual}`) return send(response, 421, 'Unexpected host, expected 127.0.0.1\n')
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Unexpected method, expected GET\n')
    if (request.url?.split('?')[0] === eventsPath) {
      response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
      response.write(': iop preview\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    const name = sitePath(request.url ?? '/', (file) => site(file) !== undefined)
    const text = name === undefined ? undefined : site(name)
    if (name === undefined || text === undefined) return send(response, 404, 'Not found in the site\n')
    response.writeHead(200, {
      'Content-Type': types[path.posix.extname(name)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer'
    })
    response.end(request.method === 'HEAD' ? undefined : text)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UserError(`127.0.0.1:${port}: Unexpected port already in use, expected a free port (try --port ${port + 1}, or --port 0 for any free port)`))
      else if (error.code === 'EACCES') reject(new UserError(`127.0.0.1:${port}: Unexpected port this user may not open, expected a port above 1023`))
      else reject(error)
    })
    server.listen(port, '127.0.0.1', () => resolve())
  })
  actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    broadcast(pages) {
      const message = `event: change\ndata: ${JSON.stringify(pages)}\n\n`
      for (const stream of streams) stream.write(message)
    },
    close() {
      for (const stream of streams) stream.end()
      streams.clear()
      return new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'})
  response.end(text)
}
