/*
 * ImagePullBackOff / ErrImagePull: the kubelet cannot pull the container image. The waiting
 * message of ImagePullBackOff only says "Back-off pulling image …"; the cause is in the
 * ErrImagePull message and in the kubelet's `Failed` events ("Failed to pull image …: … not
 * found"), so both are read.
 */
import { parseImage } from '../status/imageVersion';
import { containerLabel, podContainers, podsOf } from './podContainers';
import {
  eventEvidence,
  eventsAboutPods,
  mostCommon,
  podsAre,
  unique,
} from './text';
import { ExplainInput, Explanation } from './types';

const PULL_REASONS = [
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'ErrImageNeverPull',
  'RegistryUnavailable',
];

interface PullCause {
  summary: string;
  explanation: string;
  checkFirst: string;
}

function causeOf(text: string, reason: string, image: string): PullCause {
  const { repository, tag } = parseImage(image);
  if (reason === 'InvalidImageName') {
    return {
      summary: 'the image name is malformed',
      explanation: `The image reference "${image}" is not a valid image name, so the kubelet does not even try to pull it.`,
      checkFirst:
        'The image field in the Deployment (or the values your CD system rendered into it): stray spaces, upper-case letters, an empty tag.',
    };
  }
  if (reason === 'ErrImageNeverPull') {
    return {
      summary: 'the image is not on the node and pulling is disabled',
      explanation: `imagePullPolicy is Never and the node does not have "${image}".`,
      checkFirst:
        'Set imagePullPolicy to IfNotPresent, or load the image onto the nodes.',
    };
  }
  if (/not found|manifest unknown|NotFound|does not exist/i.test(text)) {
    return {
      summary: 'the image or tag does not exist',
      explanation: `The registry has no image "${image}": the tag${
        tag ? ` ${tag}` : ''
      } was never pushed to ${repository}, or the name is misspelt.`,
      checkFirst: `Whether the build that should have produced ${
        tag ? `tag ${tag}` : 'this image'
      } pushed it to ${repository} (the CI job's push step), and that the Deployment names the same registry and repository.`,
    };
  }
  if (
    /unauthorized|authentication required|access denied|denied|forbidden|\b401\b|\b403\b/i.test(
      text,
    )
  ) {
    return {
      summary: 'the registry refused the credentials',
      explanation: `The registry refused to give the node "${image}": the pull credentials are missing, expired or lack access to ${repository}.`,
      checkFirst:
        "The Deployment's imagePullSecrets (or the service account's), that the secret exists in this namespace and its token has not expired, and that it may read this repository.",
    };
  }
  if (/toomanyrequests|rate limit/i.test(text)) {
    return {
      summary: 'the registry is rate-limiting pulls',
      explanation: `The registry answered "too many requests" for "${image}".`,
      checkFirst:
        'Authenticate pulls (imagePullSecrets) or mirror the image into your own registry.',
    };
  }
  if (
    /timeout|timed out|connection refused|no such host|i\/o|TLS|x509|dial tcp|network/i.test(
      text,
    )
  ) {
    return {
      summary: 'the registry cannot be reached from the node',
      explanation: `The node could not connect to the registry serving "${image}" (network, DNS, TLS or an outage of the registry).`,
      checkFirst:
        "The registry's status, and from a node: DNS resolution and HTTPS access to the registry's host (proxy, firewall, certificate).",
    };
  }
  return {
    summary: 'the pull keeps failing',
    explanation: `The kubelet cannot pull "${image}" and retries with a growing delay.`,
    checkFirst: `The kubelet's message below, then the image name and pull credentials: \`kubectl describe pod\` shows the full pull error.`,
  };
}

export function explainImagePull(input: ExplainInput): Explanation[] {
  const hits = podContainers(input.pods).filter(c =>
    PULL_REASONS.includes(c.status.state.waiting?.reason ?? ''),
  );
  if (hits.length === 0) return [];

  const pods = podsOf(hits);
  const waitingReason = mostCommon(
    hits.map(h => h.status.state.waiting!.reason!),
  )!;
  const image = mostCommon(
    hits.map(h => h.spec?.image ?? h.status.image ?? ''),
  )!;
  const container = mostCommon(hits.map(h => containerLabel(h)))!;
  const events = eventsAboutPods(
    input.events,
    pods,
    ['Failed', 'BackOff'],
    /pull|image/i,
  );
  const text = [
    ...hits.map(h => h.status.state.waiting?.message ?? ''),
    ...events.map(e => e.message),
  ].join('\n');
  const cause = causeOf(text, waitingReason, image);

  const evidence = unique([
    ...hits.map(
      h =>
        `${h.pod.metadata.name}: ${containerLabel(h)} ${
          h.status.state.waiting!.reason
        }${
          h.status.state.waiting?.message
            ? `: ${h.status.state.waiting.message}`
            : ''
        }`,
    ),
    ...events.map(eventEvidence),
  ]);

  return [
    {
      events,
      problem: {
        kind: 'image-pull',
        severity: 'error',
        title: `${podsAre(
          pods.length,
          input.pods.length,
        )} unable to pull image ${image} (${waitingReason}: ${cause.summary})`,
        explanation: `${cause.explanation} Until the ${container} has its image, the pod cannot start, and a rollout waiting for it does not progress; pods of the previous version keep serving.`,
        checkFirst: cause.checkFirst,
        pods: pods.map(p => p.metadata.name),
        evidence,
      },
    },
  ];
}
