import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Post {
  id: number;
  number?: number;
  body: string;
  title?: string;
  state?: string;
  labels?: string[];
  pull_request?: object;
}

/**
 * The few REST endpoints the upsert script uses, in memory, on 127.0.0.1 and
 * a free port: issue comments (listed two per page, to exercise pagination)
 * and issues. Every request is recorded.
 */
export class FakeGitHub {
  readonly comments = new Map<number, Post[]>();
  readonly issues: Post[] = [];
  readonly requests: { method: string; path: string; authorization: string | undefined; body?: unknown }[] = [];
  #server: Server | undefined;
  #nextId = 1000;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        },
        (err: unknown) => {
          res.writeHead(500);
          res.end(String(err));
        },
      );
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const payload = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : undefined;
    this.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, authorization: req.headers.authorization, ...(payload ? { body: payload } : {}) });
    if (req.headers.authorization !== 'Bearer test-token') return { status: 401, body: { message: 'Bad credentials' } };

    let m = /^\/repos\/acme\/infra\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const all = this.comments.get(Number(m[1])) ?? [];
      const page = Number(url.searchParams.get('page') ?? '1');
      const next = page * 2 < all.length ? { link: `<${this.url}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` } : undefined;
      return { status: 200, body: all.slice((page - 1) * 2, page * 2), ...(next ? { headers: next } : {}) };
    }
    if (m && req.method === 'POST') {
      const post = { id: this.#nextId++, body: String(payload?.body) };
      const issue = Number(m[1]);
      this.comments.set(issue, [...(this.comments.get(issue) ?? []), post]);
      return { status: 201, body: post };
    }
    m = /^\/repos\/acme\/infra\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (m && req.method === 'PATCH') {
      const post = [...this.comments.values()].flat().find((c) => c.id === Number(m?.[1]));
      if (!post) return { status: 404, body: { message: 'Not Found' } };
      post.body = String(payload?.body);
      return { status: 200, body: post };
    }
    if (url.pathname === '/repos/acme/infra/issues' && req.method === 'GET') {
      const label = url.searchParams.get('labels');
      return { status: 200, body: this.issues.filter((i) => i.state === 'open' && (i.pull_request || i.labels?.includes(label ?? ''))) };
    }
    if (url.pathname === '/repos/acme/infra/issues' && req.method === 'POST') {
      const number = this.issues.length + 1;
      const issue = { id: this.#nextId++, number, title: String(payload?.title), body: String(payload?.body), state: 'open', labels: payload?.labels as string[] };
      this.issues.push(issue);
      return { status: 201, body: issue };
    }
    m = /^\/repos\/acme\/infra\/issues\/(\d+)$/.exec(url.pathname);
    if (m && req.method === 'PATCH') {
      const issue = this.issues.find((i) => i.number === Number(m?.[1]));
      if (!issue) return { status: 404, body: { message: 'Not Found' } };
      Object.assign(issue, payload);
      return { status: 200, body: issue };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }
}
