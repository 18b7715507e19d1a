/*
 * Which rollouts a Deployment's current state implies. Pure and deterministic: everything is
 * read from the Deployment and its ReplicaSets as the cluster stores them (revisions, creation
 * times, the controller's Progressing condition), never from when this process happened to see
 * them — so a dropped watch, a restart and a second portal replica all derive the same rollout
 * with the same id, start and end, and the sink's upsert keeps one record.
 *
 * The rules:
 * - A rollout is one revision (`deployment.kubernetes.io/revision`) of a Deployment. Its
 *   ReplicaSet is the one carrying the same revision; it starts when that ReplicaSet was created.
 * - It succeeded when the controller declares it complete (Progressing=True, reason
 *   NewReplicaSetAvailable, naming this ReplicaSet — set only once every replica is updated and
 *   available and no old one is left); it ends then (the condition's lastUpdateTime, which the
 *   controller leaves alone while the reason stays the same).
 * - It failed when the controller gives up (Progressing=False, reason ProgressDeadlineExceeded,
 *   naming this ReplicaSet); it ends at that condition's lastTransitionTime.
 * - Rolled back: when a Deployment's template returns to one an older revision already had, the
 *   controller does not create a ReplicaSet — it reuses the old one, gives it the new revision
 *   number and records the old numbers in `deployment.kubernetes.io/revision-history`. So a new
 *   revision whose ReplicaSet has a revision history is a return to a previous template: the
 *   revision it replaced (the highest older revision still kept) is reported as rolled_back, and
 *   the return itself is not reported as a rollout of its own (it deploys no new change; counting
 *   it as a successful deployment would flatter deployment frequency). The rolled-back rollout
 *   ends when the previous version is fully back (the return's NewReplicaSetAvailable time); until
 *   then nothing is reported for it, since no deterministic end time exists yet.
 * - Ids: the ReplicaSet's `strata.dev/deployment-id` annotation (the controller copies the
 *   Deployment's annotations to the ReplicaSet of each revision, so an older revision keeps the
 *   id its CD run set), else the Deployment's, else `k8s:<cluster>/<namespace>/<name>@<revision>`.
 */
import {
  ANNOTATION_COMMIT_SHA,
  ANNOTATION_DEPLOYMENT_ID,
  ANNOTATION_KUBERNETES_ID,
} from '@internal/plugin-service-model-common';
import { SlimDeployment, SlimReplicaSet } from '../cache/objects';
import {
  ANNOTATION_REVISION,
  ANNOTATION_REVISION_HISTORY,
} from '../cache/slim';
import { versionOf } from '../status/imageVersion';
import { progressingCondition } from '../status/rolloutState';
import { ObservedRollout } from '../types';

export interface RolloutContext {
  cluster: string;
  environment: string;
}

function revisionOf(o: SlimDeployment | SlimReplicaSet): number | undefined {
  const value = Number(o.metadata.annotations[ANNOTATION_REVISION]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Does the controller's message name this ReplicaSet (`ReplicaSet "x" has …`)? */
function names(message: string | undefined, rs: SlimReplicaSet): boolean {
  return !message || message.includes(`"${rs.metadata.name}"`);
}

function baseRollout(
  d: SlimDeployment,
  rs: SlimReplicaSet,
  revision: number,
  ctx: RolloutContext,
): ObservedRollout {
  const { namespace, name } = d.metadata;
  const image =
    rs.spec.template.containers[0]?.image ??
    d.spec.template.containers[0]?.image ??
    '';
  const id =
    rs.metadata.annotations[ANNOTATION_DEPLOYMENT_ID] ??
    d.metadata.annotations[ANNOTATION_DEPLOYMENT_ID] ??
    `k8s:${ctx.cluster}/${namespace}/${name}@${revision}`;
  const commitSha =
    rs.metadata.annotations[ANNOTATION_COMMIT_SHA] ??
    d.metadata.annotations[ANNOTATION_COMMIT_SHA];
  const kubernetesId = d.metadata.labels[ANNOTATION_KUBERNETES_ID];
  return {
    id,
    ...(kubernetesId ? { kubernetesId } : {}),
    cluster: ctx.cluster,
    environment: ctx.environment,
    namespace,
    workload: name,
    revision: String(revision),
    image,
    version: versionOf(image, rs.spec.template.labels),
    startedAt: rs.metadata.creationTimestamp ?? '',
    ...(commitSha ? { commitSha } : {}),
  };
}

/** Whether the controller has declared `rs` fully rolled out, and when. */
function completedAt(
  d: SlimDeployment,
  rs: SlimReplicaSet,
): string | undefined {
  const c = progressingCondition(d);
  if (c?.status !== 'True' || c.reason !== 'NewReplicaSetAvailable')
    return undefined;
  if (!names(c.message, rs)) return undefined;
  return c.lastUpdateTime ?? c.lastTransitionTime;
}

function failedAt(d: SlimDeployment, rs: SlimReplicaSet): string | undefined {
  const c = progressingCondition(d);
  if (c?.status !== 'False' || c.reason !== 'ProgressDeadlineExceeded')
    return undefined;
  if (!names(c.message, rs)) return undefined;
  return c.lastTransitionTime ?? c.lastUpdateTime;
}

export function observeRollouts(
  d: SlimDeployment,
  replicaSets: SlimReplicaSet[],
  ctx: RolloutContext,
): ObservedRollout[] {
  const revision = revisionOf(d);
  if (revision === undefined) return [];
  const current = replicaSets.find(rs => revisionOf(rs) === revision);
  // The ReplicaSet is not in the cache yet (its watch lags the Deployment's): decide later.
  if (!current || !current.metadata.creationTimestamp) return [];

  const returnsToOlderTemplate = Boolean(
    current.metadata.annotations[ANNOTATION_REVISION_HISTORY],
  );
  if (returnsToOlderTemplate) {
    const replaced = replicaSets
      .filter(rs => rs !== current && (revisionOf(rs) ?? 0) < revision)
      .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0))[0];
    const restoredAt = completedAt(d, current);
    if (!replaced || !restoredAt || !replaced.metadata.creationTimestamp)
      return [];
    return [
      {
        ...baseRollout(d, replaced, revisionOf(replaced)!, ctx),
        finishedAt: restoredAt,
        outcome: 'rolled_back',
      },
    ];
  }

  const rollout = baseRollout(d, current, revision, ctx);
  const failed = failedAt(d, current);
  if (failed) return [{ ...rollout, finishedAt: failed, outcome: 'failed' }];
  const succeeded = completedAt(d, current);
  if (succeeded)
    return [{ ...rollout, finishedAt: succeeded, outcome: 'succeeded' }];
  return [rollout];
}
