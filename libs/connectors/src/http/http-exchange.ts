import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpExchangeRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborting it destroys the socket; the promise then rejects. */
  signal: AbortSignal;
}

export interface HttpExchangeResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP exchange over node:http(s), body read in full as UTF-8 text.
 *
 * Not the global `fetch`: on Node 20 undici's fetch spends ~2.5× the CPU of node:http per call
 * (WHATWG streams, Request/Response objects, header lists) — a fifth of a system API's CPU under
 * load (docs/performance.md, row 1). The default agents keep connections alive (Node ≥ 19) and
 * drop an idle socket before the server's `Keep-Alive: timeout` hint, as undici does. Redirects
 * are not followed (backends answer their APIs directly) and no compression is asked for.
 */
export function httpExchange(url: URL, req: HttpExchangeRequest): Promise<HttpExchangeResponse> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
    const outgoing = send(url, { method: req.method, headers, signal: req.signal }, (res: IncomingMessage) => {
      res.setEncoding('utf8');
      let text = '';
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: toHeaders(res.rawHeaders), text }));
      res.on('error', reject);
      // A socket destroyed mid-body (abort, reset) closes the response without 'end'.
      res.on('close', () => {
        if (!res.complete) reject(Object.assign(new Error('the connection closed before the body was complete'), { code: 'ECONNRESET' }));
      });
    });
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  return headers;
}
