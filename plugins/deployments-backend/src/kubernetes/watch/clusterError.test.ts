import {
  forbiddenStatus,
  unauthorizedStatus,
} from '../__testUtils__/fakeKubernetes';
import { classifyClusterError } from './clusterError';

const scope = {
  verb: 'list' as const,
  resource: 'pods',
  server: 'https://k8s.prod.example.com',
};

describe('classifyClusterError', () => {
  it('puts a 403 Status from a list into words, with the namespace and the user', () => {
    const body = JSON.stringify(
      forbiddenStatus({
        user: 'system:serviceaccount:backstage:reader',
        verb: 'list',
        resource: 'pods',
        group: '',
        namespace: 'payments',
      }),
    );
    expect(classifyClusterError({ code: 403, body }, scope)).toEqual({
      state: 'forbidden',
      message:
        '403: the service account may not list pods in payments (system:serviceaccount:backstage:reader)',
    });
  });

  it('says cluster-wide for a 403 on a watch without a body', () => {
    expect(
      classifyClusterError({ statusCode: 403 }, { ...scope, verb: 'watch' }),
    ).toEqual({
      state: 'forbidden',
      message: '403: the service account may not watch pods cluster-wide',
    });
  });

  it('reads 401 as refused credentials', () => {
    expect(
      classifyClusterError(
        { code: 401, body: JSON.stringify(unauthorizedStatus()) },
        scope,
      ),
    ).toEqual({
      state: 'unauthenticated',
      message:
        '401: the API server at https://k8s.prod.example.com refused the credentials (the service-account token is missing, expired or for another cluster)',
    });
  });

  it('reads network and TLS failures as unreachable', () => {
    expect(
      classifyClusterError(
        { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
        scope,
      ),
    ).toEqual({
      state: 'unreachable',
      message: 'unreachable: connection refused (https://k8s.prod.example.com)',
    });
    expect(
      classifyClusterError({ cause: { code: 'CERT_HAS_EXPIRED' } }, scope)
        .message,
    ).toBe(
      "unreachable: TLS: the server's certificate has expired (https://k8s.prod.example.com)",
    );
    expect(
      classifyClusterError(
        { code: 503, body: '{"message":"etcdserver: leader changed"}' },
        scope,
      ),
    ).toEqual({
      state: 'unreachable',
      message:
        'the API server at https://k8s.prod.example.com answered 503 to list pods: etcdserver: leader changed',
    });
  });
});
