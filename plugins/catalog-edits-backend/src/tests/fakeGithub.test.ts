import { FakeGithub } from './fakeGithub';

const FILE = '# the service\nkind: Component # a comment\n';

/*
 * The parts of the fake the browser tests rely on beyond the publisher's
 * calls: reading a file the way the catalog's GithubUrlReader does (contents
 * API, raw media type, ETag) and the test-only inspection route.
 */
describe('FakeGithub', () => {
  const github = new FakeGithub({ token: 't0ken' });
  let baseUrl: string;

  beforeAll(async () => {
    github.addRepo({
      owner: 'dataflow',
      name: 'orders',
      files: { 'catalog-info.yaml': FILE },
    });
    baseUrl = await github.start();
  });
  afterAll(() => github.stop());

  const contentsUrl = () =>
    `${baseUrl}/repos/dataflow/orders/contents/catalog-info.yaml?ref=main`;
  const raw = { accept: 'application/vnd.github.v3.raw' };

  it('serves the raw file with an ETag, and 304 when it is unchanged', async () => {
    const first = await fetch(contentsUrl(), {
      headers: { ...raw, authorization: 'Bearer t0ken' },
    });
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(FILE);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);

    const again = await fetch(contentsUrl(), {
      headers: {
        ...raw,
        authorization: 'Bearer t0ken',
        'if-none-match': etag!,
      },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('still answers JSON with base64 content without the raw media type', async () => {
    const response = await fetch(contentsUrl(), {
      headers: {
        accept: 'application/vnd.github.v3+json',
        authorization: 'token t0ken',
      },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.encoding).toBe('base64');
    expect(Buffer.from(body.content, 'base64').toString('utf8')).toBe(FILE);
  });

  it('refuses a request without the token', async () => {
    const response = await fetch(contentsUrl(), { headers: raw });
    expect(response.status).toBe(401);
  });

  it('shows branches, files and pull requests on its inspection route, without a token', async () => {
    const response = await fetch(`${baseUrl}/__fake/repos/dataflow/orders`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      branches: [
        {
          name: 'main',
          sha: expect.stringMatching(/^[0-9a-f]{40}$/),
          message: 'Initial commit',
          files: { 'catalog-info.yaml': FILE },
        },
      ],
      pulls: [],
    });
    expect((await fetch(`${baseUrl}/__fake/repos/dataflow/nope`)).status).toBe(
      404,
    );
  });
});
