// A local HTTP server answering like Confluence Cloud's REST API v2 for spaces and pages, so tests stay offline.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A space of the emulated site. */
export interface ConfluenceSpaceDef {
  key: string;
  name?: string;
}

/** A page that exists before the test. */
export interface ConfluencePageDef {
  spaceKey: string;
  title: string;
  /** Storage format (XHTML). */
  body?: string;
  parentId?: string;
  /** Default 1. */
  version?: number;
}

/** What the emulated site holds. */
export interface ConfluenceEmulatorOptions {
  spaces?: ConfluenceSpaceDef[];
  pages?: ConfluencePageDef[];
  /** The accepted Basic credentials; default `DEFAULT_CONFLUENCE_EMAIL` with `DEFAULT_CONFLUENCE_API_TOKEN`. */
  credentials?: { email: string; apiToken: string }[];
  /** The clock, for createdAt; default Date.now. */
  now?: () => number;
}

/** A page as the emulator stores it, for assertions. */
export interface ConfluencePageRecord {
  id: string;
  spaceId: string;
  title: string;
  parentId: string | undefined;
  body: string;
  version: number;
}

/** One request and its answer. */
export interface ConfluenceRecordedRequest {
  method: string;
  /** The path and query string as sent. */
  path: string;
  /** 'GET /wiki/api/v2/pages', 'PUT /wiki/api/v2/pages/{id}'…; '' for a path the emulator does not know. */
  operation: string;
  body: unknown;
  status: number;
  response: unknown;
}

/** A programmed failure of the next matching request(s). */
export interface ConfluenceFailure {
  status: number;
  /** Retry-After in seconds (429). */
  retryAfterSeconds?: number;
  times?: number;
}

export const DEFAULT_CONFLUENCE_EMAIL = 'flowkit-bot@example.com';
export const DEFAULT_CONFLUENCE_API_TOKEN = 'flowkit-emulator-confluence-token';

/** Confluence's storage representation is the only one the emulator keeps. */
const REPRESENTATION = 'storage';

interface SpaceRecord {
  id: string;
  key: string;
  name: string;
  homepageId: string;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Confluence v2's error body: { errors: [{ status, code, title, detail }] }. */
function errorReply(status: number, code: string, title: string, detail: string | null = null): Reply {
  return { status, headers: {}, body: { errors: [{ status, code, title, detail }] } };
}

/** A Confluence Cloud v2 emulator on 127.0.0.1: spaces by key, pages by title, create, update with versions. */
export class ConfluenceEmulator {
  /** 'http://127.0.0.1:PORT': the site; the API is under /wiki/api/v2. */
  readonly url: string;
  readonly requests: ConfluenceRecordedRequest[] = [];
  private readonly server: Server;
  private readonly spaces: SpaceRecord[];
  private readonly pageRecords: (ConfluencePageRecord & { createdAt: string })[] = [];
  private readonly credentials: Set<string>;
  private readonly failures: (ConfluenceFailure & { operation: string; remaining: number })[] = [];
  private readonly now: () => number;
  private nextId = 1000;
  private stopped: Promise<void> | undefined;

  private constructor(server: Server, options: ConfluenceEmulatorOptions) {
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.now = options.now ?? Date.now;
    const credentials = options.credentials ?? [
      { email: DEFAULT_CONFLUENCE_EMAIL, apiToken: DEFAULT_CONFLUENCE_API_TOKEN },
    ];
    this.credentials = new Set(
      credentials.map((entry) => Buffer.from(`${entry.email}:${entry.apiToken}`).toString('base64')),
    );
    this.spaces = (options.spaces ?? [{ key: 'ENG' }]).map((space) => {
      const id = String(this.nextId++);
      const homepageId = String(this.nextId++);
      return { id, key: space.key, name: space.name ?? space.key, homepageId };
    });
    for (const page of options.pages ?? []) {
      const space = this.spaces.find((entry) => entry.key === page.spaceKey);
      if (!space) throw new Error(`page "${page.title}" names space ${page.spaceKey}, which is not defined`);
      this.pageRecords.push({
        id: String(this.nextId++),
        spaceId: space.id,
        title: page.title,
        parentId: page.parentId ?? space.homepageId,
        body: page.body ?? '',
        version: page.version ?? 1,
        createdAt: new Date(this.now()).toISOString(),
      });
    }
  }

  /** Starts an emulator on 127.0.0.1 on a free port. */
  static async start(options: ConfluenceEmulatorOptions = {}): Promise<ConfluenceEmulator> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const emulator = new ConfluenceEmulator(server, options);
    server.on('request', (request, response) => {
      emulator.answer(request).then(
        (reply) =>
          response
            .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
            .end(reply.body === undefined ? '' : JSON.stringify(reply.body)),
        (error: unknown) => response.writeHead(500).end(`emulator error: ${error}`),
      );
    });
    return emulator;
  }

  /** The pages, in creation order. */
  pages(): ConfluencePageRecord[] {
    return this.pageRecords.map(({ createdAt: _createdAt, ...page }) => ({ ...page }));
  }

  /** Makes the next `times` requests of `operation` (e.g. 'PUT /wiki/api/v2/pages/{id}') fail, with no effect. */
  failNext(operation: string, failure: ConfluenceFailure): void {
    this.failures.push({ ...failure, operation, remaining: failure.times ?? 1 });
  }

  /** Changes a page as someone editing it in the browser would: a new version. */
  editPage(id: string, body: string): void {
    const page = this.pageRecords.find((entry) => entry.id === id);
    if (!page) throw new Error(`no page ${id}`);
    page.body = body;
    page.version += 1;
  }

  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopped;
  }

  private async answer(request: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', this.url);
    const operation = operationOf(method, url.pathname);
    const reply = this.respond(method, url, operation, request.headers.authorization ?? '', body);
    this.requests.push({
      method,
      path: request.url ?? '/',
      operation,
      body,
      status: reply.status,
      response: reply.body,
    });
    return reply;
  }

  private respond(method: string, url: URL, operation: string, authorization: string, body: unknown): Reply {
    const basic = /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
    if (basic === undefined || !this.credentials.has(basic)) {
      return { status: 401, headers: {}, body: { code: 401, message: 'Unauthorized; scope does not match' } };
    }
    const failure = this.failures.find((entry) => entry.operation === operation && entry.remaining > 0);
    if (failure) {
      failure.remaining -= 1;
      const headers: Record<string, string> =
        failure.status === 429 ? { 'retry-after': String(failure.retryAfterSeconds ?? 1) } : {};
      const reply = errorReply(
        failure.status,
        failure.status === 429 ? 'TOO_MANY_REQUESTS' : 'ERROR',
        'Failure',
      );
      return { ...reply, headers };
    }
    switch (operation) {
      case 'GET /wiki/api/v2/spaces':
        return this.getSpaces(url);
      case 'GET /wiki/api/v2/pages':
        return this.getPages(url);
      case 'POST /wiki/api/v2/pages':
        return this.createPage(body);
      case 'GET /wiki/api/v2/pages/{id}':
      case 'PUT /wiki/api/v2/pages/{id}': {
        const id = url.pathname.split('/').pop() ?? '';
        const page = this.pageRecords.find((entry) => entry.id === id);
        if (!page) return errorReply(404, 'NOT_FOUND', 'Not Found', `No page with id ${id}`);
        return method === 'GET'
          ? { status: 200, headers: {}, body: this.pageView(page, url.searchParams.get('body-format')) }
          : this.updatePage(page, body);
      }
      default:
        return errorReply(404, 'NOT_FOUND', 'Not Found', `${method} ${url.pathname} is not emulated`);
    }
  }

  private getSpaces(url: URL): Reply {
    const keys = url.searchParams.getAll('keys').flatMap((value) => value.split(','));
    const results = this.spaces
      .filter((space) => keys.length === 0 || keys.includes(space.key))
      .map((space) => ({
        id: space.id,
        key: space.key,
        name: space.name,
        type: 'global',
        status: 'current',
        homepageId: space.homepageId,
        _links: { webui: `/spaces/${space.key}` },
      }));
    return { status: 200, headers: {}, body: { results, _links: {} } };
  }

  private getPages(url: URL): Reply {
    const spaceIds = url.searchParams.getAll('space-id').flatMap((value) => value.split(','));
    if (spaceIds.some((id) => !/^\d+$/.test(id))) {
      return errorReply(400, 'INVALID_REQUEST_PARAMETER', 'Invalid space-id', 'space-id must be numeric');
    }
    const title = url.searchParams.get('title');
    const results = this.pageRecords
      .filter((page) => spaceIds.length === 0 || spaceIds.includes(page.spaceId))
      .filter((page) => title === null || page.title === title)
      .map((page) => this.pageView(page, url.searchParams.get('body-format')));
    return { status: 200, headers: {}, body: { results, _links: {} } };
  }

  private createPage(body: unknown): Reply {
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const space = this.spaces.find((entry) => entry.id === String(request.spaceId ?? ''));
    if (!space)
      return errorReply(400, 'INVALID_REQUEST_PARAMETER', 'Invalid spaceId', 'spaceId is not a space');
    const title = typeof request.title === 'string' ? request.title : '';
    if (title === '') return errorReply(400, 'INVALID_REQUEST_PARAMETER', 'Title is required');
    const content = storageOf(request.body);
    if (content === undefined) {
      return errorReply(
        400,
        'INVALID_REQUEST_PARAMETER',
        'body must have representation storage and a value',
      );
    }
    if (this.pageRecords.some((page) => page.spaceId === space.id && page.title === title)) {
      return errorReply(
        400,
        'INVALID_REQUEST_PARAMETER',
        'A page with this title already exists',
        `A page already exists with the same TITLE in this space`,
      );
    }
    const parentId = typeof request.parentId === 'string' ? request.parentId : space.homepageId;
    const page = {
      id: String(this.nextId++),
      spaceId: space.id,
      title,
      parentId,
      body: content,
      version: 1,
      createdAt: new Date(this.now()).toISOString(),
    };
    this.pageRecords.push(page);
    return { status: 200, headers: {}, body: this.pageView(page, REPRESENTATION) };
  }

  private updatePage(page: ConfluencePageRecord & { createdAt: string }, body: unknown): Reply {
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const version = (request.version as { number?: unknown } | undefined)?.number;
    if (typeof version !== 'number') {
      return errorReply(400, 'INVALID_REQUEST_PARAMETER', 'version.number is required');
    }
    if (version !== page.version + 1) {
      return errorReply(
        409,
        'CONFLICT',
        'Version must be incremented on update',
        `Current version is: ${page.version}`,
      );
    }
    const content = storageOf(request.body);
    if (content === undefined || typeof request.title !== 'string' || request.status !== 'current') {
      return errorReply(400, 'INVALID_REQUEST_PARAMETER', 'id, status, title, body and version are required');
    }
    page.title = request.title;
    page.body = content;
    page.version = version;
    return { status: 200, headers: {}, body: this.pageView(page, REPRESENTATION) };
  }

  private pageView(page: ConfluencePageRecord & { createdAt: string }, bodyFormat: string | null): unknown {
    return {
      id: page.id,
      status: 'current',
      title: page.title,
      spaceId: page.spaceId,
      parentId: page.parentId,
      parentType: 'page',
      authorId: '5b10ac8d82e05b22cc7d4ef5',
      createdAt: page.createdAt,
      version: { number: page.version, message: '', minorEdit: false, authorId: '5b10ac8d82e05b22cc7d4ef5' },
      body:
        bodyFormat === REPRESENTATION
          ? { storage: { representation: REPRESENTATION, value: page.body } }
          : {},
      _links: {
        webui: `/spaces/${this.spaces.find((space) => space.id === page.spaceId)?.key}/pages/${page.id}`,
      },
    };
  }
}

function operationOf(method: string, pathname: string): string {
  if (pathname === '/wiki/api/v2/spaces') return `${method} /wiki/api/v2/spaces`;
  if (pathname === '/wiki/api/v2/pages') return `${method} /wiki/api/v2/pages`;
  if (/^\/wiki\/api\/v2\/pages\/[^/]+$/.test(pathname)) return `${method} /wiki/api/v2/pages/{id}`;
  return '';
}

function storageOf(body: unknown): string | undefined {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return record.representation === REPRESENTATION && typeof record.value === 'string'
    ? record.value
    : undefined;
}
