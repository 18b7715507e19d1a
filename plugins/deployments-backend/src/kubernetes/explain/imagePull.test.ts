import { billing, explainInput, NOW } from '../__testUtils__/explainFixtures';
import { event, pod, podName } from '../__testUtils__/fakeKubernetes';
import { explainImagePull } from './imagePull';

const image = 'registry.example.com/payments/billing:1.4.4';

describe('explainImagePull', () => {
  it('reads the cause from the kubelet Failed event when ImagePullBackOff only says back-off', () => {
    const input = explainInput({
      pods: [
        pod(billing, {
          index: 0,
          image,
          condition: 'image-pull-backoff',
          now: NOW,
        }),
        pod(billing, { index: 1, now: NOW }),
      ],
      events: [
        event({
          involved: {
            kind: 'Pod',
            name: podName(billing, 0, image),
            namespace: 'payments',
          },
          reason: 'Failed',
          message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
          count: 4,
          now: NOW,
        }),
      ],
    });
    const [{ problem, events }] = explainImagePull(input);
    expect(problem.title).toBe(
      `1 of 2 pods is unable to pull image ${image} (ImagePullBackOff: the image or tag does not exist)`,
    );
    expect(problem.explanation).toContain(
      'the tag 1.4.4 was never pushed to registry.example.com/payments/billing',
    );
    expect(problem.explanation).toContain(
      'pods of the previous version keep serving',
    );
    expect(problem.checkFirst).toContain(
      'pushed it to registry.example.com/payments/billing',
    );
    expect(problem.evidence).toContain(
      `${podName(
        billing,
        0,
        image,
      )}: container billing ImagePullBackOff: Back-off pulling image "${image}"`,
    );
    expect(events).toHaveLength(1);
  });

  it('tells refused credentials from a missing tag and from an unreachable registry', () => {
    const withMessage = (pullMessage: string) =>
      explainImagePull(
        explainInput({
          pods: [
            pod(billing, {
              image,
              condition: 'err-image-pull',
              pullMessage,
              now: NOW,
            }),
          ],
        }),
      )[0].problem;
    expect(
      withMessage(
        `rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized`,
      ).title,
    ).toContain('ErrImagePull: the registry refused the credentials');
    expect(
      withMessage(
        `rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "https://registry.example.com/v2/payments/billing/manifests/1.4.4": dial tcp 10.0.0.9:443: i/o timeout`,
      ).title,
    ).toContain('the registry cannot be reached from the node');
    expect(
      withMessage(
        `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found`,
      ).title,
    ).toContain('the image or tag does not exist');
  });
});
