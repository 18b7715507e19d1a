import http from 'node:http';

/** What wrapServer needs of an app: a request handler that can listen on a port. */
export type ListeningApp = http.RequestListener & {
  listen(port: number): http.Server;
};

/**
 * The app, listening on 127.0.0.1 only, for `wrapServer` from
 * `@backstage/backend-openapi-utils/testUtils`.
 *
 * Why it exists: wrapServer calls `app.listen(port)`, which binds every interface (`::`), and
 * its proxy (mockttp) forwards to `http://localhost:<port>`. Mockttp picks the address family
 * for "localhost" by probing whether the port is taken on ::1 — it is, by the `::` socket — so
 * it asks for localhost's IPv6 address. Where /etc/hosts maps localhost to 127.0.0.1 only (as
 * on the machines Strata is tested on) that lookup fails with `getaddrinfo ENOTFOUND
 * localhost`, and every request through the proxy answers 502. Listening on 127.0.0.1 alone
 * leaves ::1 free, so the proxy resolves localhost over IPv4. Only `listen` changes; the app
 * handles requests as before.
 *
 * ```ts
 * const server = await wrapServer(onIpv4(express().use(router)));
 * ```
 */
export function onIpv4<App extends ListeningApp>(app: App): App {
  const listen = (port: number) =>
    http.createServer(app).listen(port, '127.0.0.1');
  return Object.assign(Object.create(app), { listen });
}
