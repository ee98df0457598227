// A stand-in for the runner's artifact service (Twirp API and blob storage), to watch @actions/artifact upload.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

/** One artifact as the service received it. */
export interface ReceivedArtifact {
  /** The CreateArtifact request's body (name, expiresAt, version…). */
  create: Record<string, unknown>;
  /** The FinalizeArtifact request's body (size, hash…), once finalized. */
  finalize?: Record<string, unknown>;
  /** The uploaded zip. */
  zip: Buffer;
}

/** A running service: the variables a step needs to reach it, what it received, and how to stop it. */
export interface ArtifactService {
  env: { ACTIONS_RUNTIME_TOKEN: string; ACTIONS_RESULTS_URL: string };
  artifacts: ReceivedArtifact[];
  stop: () => Promise<void>;
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

/**
 * Starts the service on 127.0.0.1 and a free port. CreateArtifact answers with a signed URL on this server;
 * the blob upload (Azure block blob: staged blocks, then the block list, or one PUT) fills that artifact's zip;
 * FinalizeArtifact answers artifact ID 42, 43…
 */
export async function startArtifactService(): Promise<ArtifactService> {
  const artifacts: ReceivedArtifact[] = [];
  const blocks = new Map<string, Buffer>();
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://service');
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (request.method === 'POST' && url.pathname === `${TWIRP}CreateArtifact`) {
      const create = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      artifacts.push({ create, zip: Buffer.alloc(0) });
      json(200, { ok: true, signedUploadUrl: `${base()}/blob/${artifacts.length - 1}?sig=test` });
    } else if (request.method === 'POST' && url.pathname === `${TWIRP}FinalizeArtifact`) {
      const finalize = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      const artifact = artifacts.find((one) => one.create.name === finalize.name);
      if (artifact) artifact.finalize = finalize;
      json(200, { ok: true, artifactId: String(41 + artifacts.length) });
    } else if (request.method === 'PUT' && url.pathname.startsWith('/blob/')) {
      const artifact = artifacts[Number(url.pathname.slice('/blob/'.length))];
      const comp = url.searchParams.get('comp');
      if (artifact === undefined) json(404, {});
      else {
        if (comp === 'block') blocks.set(url.searchParams.get('blockid') ?? '', body);
        else if (comp === 'blocklist') {
          const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)];
          artifact.zip = Buffer.concat(ids.map((match) => blocks.get(match[1] ?? '') ?? Buffer.alloc(0)));
        } else artifact.zip = body;
        response.writeHead(201, { 'x-ms-request-id': 'test', 'x-ms-version': '2025-01-05' });
        response.end();
      }
    } else json(404, { msg: `no route for ${request.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${base()}/` },
    artifacts,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A JWT of the shape the runner gives (only its `scp` claim is read; nobody checks the signature here). */
function runtimeToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: 'Actions.GenericRead:run Actions.Results:run-backend-id:job-backend-id' })}.c2ln`;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The names of the files in a zip, from its central directory. */
export function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names.sort();
}

/** The content of one file in a zip (stored or deflated). */
export function zipFile(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.subarray(at + 46, at + 46 + nameLength).toString('utf8') === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    at = next;
  }
  throw new Error(`${name} is not in the zip`);
}
