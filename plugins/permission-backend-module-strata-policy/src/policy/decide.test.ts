import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { parseAdminRefs } from './admins';
import { decideStrataPermission, StrataIdentity } from './decide';

const admins = parseAdminRefs([
  'group:default/platform',
  'user:default/miriam-okafor',
]);

const kenji: StrataIdentity = {
  userEntityRef: 'user:default/kenji-tanaka',
  ownershipEntityRefs: ['user:default/kenji-tanaka', 'group:default/pipelines'],
};
const ana: StrataIdentity = {
  userEntityRef: 'user:default/ana-garcia',
  ownershipEntityRefs: ['user:default/ana-garcia', 'group:default/platform'],
};
const miriam: StrataIdentity = {
  userEntityRef: 'user:default/miriam-okafor',
  ownershipEntityRefs: [
    'user:default/miriam-okafor',
    'group:default/engineering',
  ],
};

const kubernetesProxy = createPermission({
  name: 'kubernetes.proxy',
  attributes: {},
});
const kubernetesRead = createPermission({
  name: 'kubernetes.resources.read',
  attributes: { action: 'read' },
});
const proposeEdit = createPermission({
  name: 'catalog.entity.propose-edit',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});
const unknownDelete = createPermission({
  name: 'newplugin.thing.delete',
  attributes: { action: 'delete' },
});
const unknownUnlabelled = createPermission({
  name: 'newplugin.thing.do',
  attributes: {},
});
const ingestionManage = createPermission({
  name: 'catalog.ingestion.manage',
  attributes: { action: 'update' },
});

describe('decideStrataPermission', () => {
  it('denies a request without a signed-in user, even a read', () => {
    expect(
      decideStrataPermission(catalogEntityReadPermission, undefined, admins),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('allows admins everything, by group membership or by their own ref', () => {
    for (const admin of [ana, miriam]) {
      for (const permission of [
        catalogLocationDeletePermission,
        catalogEntityDeletePermission,
        taskReadPermission,
        kubernetesProxy,
        unknownDelete,
      ]) {
        expect(decideStrataPermission(permission, admin, admins)).toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    }
  });

  it('matches admin refs case-insensitively', () => {
    const shouting = parseAdminRefs(['Group:Default/Platform']);
    expect(
      decideStrataPermission(catalogLocationDeletePermission, ana, shouting),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets owners delete and refresh only entities owned by them or their groups', () => {
    for (const permission of [
      catalogEntityDeletePermission,
      catalogEntityRefreshPermission,
    ]) {
      expect(decideStrataPermission(permission, kenji, admins)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: {
            claims: ['user:default/kenji-tanaka', 'group:default/pipelines'],
          },
        },
      });
    }
  });

  it('adds lower-cased claims when the token carries mixed-case refs', () => {
    const decision = decideStrataPermission(
      catalogEntityDeletePermission,
      {
        userEntityRef: 'user:default/Kenji',
        ownershipEntityRefs: ['group:default/Pipelines'],
      },
      admins,
    );
    expect(decision).toMatchObject({
      conditions: {
        params: {
          claims: ['group:default/Pipelines', 'group:default/pipelines'],
        },
      },
    });
  });

  it('keeps location unregistering for admins: the catalog does not say which location', () => {
    expect(
      decideStrataPermission(catalogLocationDeletePermission, kenji, admins),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets every user register locations (and open the Register page) and dry-run registrations and entities', () => {
    for (const permission of [
      catalogLocationCreatePermission,
      catalogEntityCreatePermission,
      catalogLocationAnalyzePermission,
      catalogEntityValidatePermission,
      proposeEdit,
    ]) {
      expect(decideStrataPermission(permission, kenji, admins)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets every user run templates', () => {
    for (const permission of [
      taskCreatePermission,
      templateParameterReadPermission,
      templateStepReadPermission,
      actionExecutePermission,
      templateDryRunPermission,
    ]) {
      expect(decideStrataPermission(permission, kenji, admins)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('shows users, and lets them cancel, only the tasks they created', () => {
    for (const permission of [taskReadPermission, taskCancelPermission]) {
      expect(decideStrataPermission(permission, kenji, admins)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'IS_TASK_OWNER',
          resourceType: 'scaffolder-task',
          params: { createdBy: ['user:default/kenji-tanaka'] },
        },
      });
    }
  });

  it('allows reads', () => {
    for (const permission of [
      catalogEntityReadPermission,
      catalogLocationReadPermission,
      kubernetesRead,
    ]) {
      expect(decideStrataPermission(permission, kenji, admins)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('denies non-admins changes nobody listed: kubernetes proxy, ingestion, unknown permissions', () => {
    for (const permission of [
      kubernetesProxy,
      ingestionManage,
      unknownDelete,
      unknownUnlabelled,
    ]) {
      expect(decideStrataPermission(permission, kenji, admins)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('denies when an owner rule meets a permission of another resource type', () => {
    const impostor = createPermission({
      name: 'catalog.entity.delete',
      attributes: { action: 'delete' },
      resourceType: 'something-else',
    });
    expect(decideStrataPermission(impostor, kenji, admins)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('with no admins configured, nobody is an admin', () => {
    expect(
      decideStrataPermission(catalogLocationDeletePermission, ana, new Set()),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});
