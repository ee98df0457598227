// httpAttempt: one attempt of a retried request — every answer comes back, no answer is a TransientError that says
// whether the request may have had an effect.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from '@jest/globals';
import { httpAttempt, parseAnswerBody, TransientError } from '../src/index.ts';

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function attemptError(url: string, timeoutMs = 5000): Promise<TransientError> {
  const error = await httpAttempt({ method: 'POST', url, body: '{}', timeoutMs }, 'POST /thing').catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TransientError);
  return error as TransientError;
}

describe('httpAttempt', () => {
  test('every answer comes back as it is, errors included', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(503, { 'retry-after': '7' }).end('busy');
    });
    await expect(httpAttempt({ method: 'GET', url, timeoutMs: 5000 }, 'GET /')).resolves.toEqual({
      status: 503,
      headers: expect.objectContaining({ 'retry-after': '7' }),
      body: 'busy',
    });
  });

  test('a refused connection: transient, and the request certainly had no effect', async () => {
    const url = await serve(() => undefined);
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));
    const error = await attemptError(url);
    expect(error.message).toMatch(/^POST \/thing: ECONNREFUSED/);
    expect(error.hadNoEffect).toBe(true);
  });

  test('no answer in time: transient, and the request may have been processed', async () => {
    const url = await serve(() => undefined); // accepts, never answers
    const error = await attemptError(url, 100);
    expect(error.message).toBe('POST /thing: no answer within 100 ms');
    expect(error.hadNoEffect).toBe(false);
  });
});

describe('parseAnswerBody', () => {
  test('JSON as JSON, text cut to 300 characters, nothing as undefined', () => {
    expect(parseAnswerBody('{"errorMessages":["no"]}')).toEqual({ errorMessages: ['no'] });
    expect(parseAnswerBody(`  <html>${'x'.repeat(400)}</html>`)).toBe(`<html>${'x'.repeat(294)}`);
    expect(parseAnswerBody(' \n')).toBeUndefined();
  });
});
