import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import { onIpv4 } from './onIpv4';

/** A minimal app: answers every request with its path; its own listen must not be used. */
function app() {
  const handler: http.RequestListener = (req, res) => res.end(`saw ${req.url}`);
  return Object.assign(handler, {
    listen: (_port: number): http.Server => {
      throw new Error('the original listen was called');
    },
    locals: { title: 'the app' },
  });
}

describe('onIpv4', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(s => new Promise(resolve => s.close(resolve))),
    );
  });

  it('listens on 127.0.0.1 only and serves the app there', async () => {
    const server = onIpv4(app()).listen(0);
    servers.push(server);
    await new Promise(resolve => server.once('listening', resolve));
    const address = server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');

    const answer = await fetch(`http://127.0.0.1:${address.port}/v1/x`);
    expect(await answer.text()).toBe('saw /v1/x');
  });

  it('leaves the port free on ::1, which is what makes wrapServer’s proxy choose IPv4', async () => {
    const server = onIpv4(app()).listen(0);
    servers.push(server);
    await new Promise(resolve => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;

    // mockttp's own probe: listening on ::1 (IPv6 only) fails with EADDRINUSE when the app is
    // there. A machine without ::1 fails differently, and the proxy uses IPv4 there too.
    const probe = net.createServer();
    const outcome = await new Promise<string>(resolve => {
      probe.once('listening', () => probe.close(() => resolve('free')));
      probe.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? ''));
      probe.listen({ host: '::1', port, ipv6Only: true });
    });
    expect(outcome).not.toBe('EADDRINUSE');
  });

  it('keeps everything else of the app', () => {
    const original = app();
    const wrapped = onIpv4(original);
    expect(wrapped.locals.title).toBe('the app');
    expect(Object.getPrototypeOf(wrapped)).toBe(original);
  });
});
