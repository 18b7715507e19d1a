/*
 * Strata backend (Backstage new backend system).
 *
 * Upstream plugins first, in the order a reader looks for them; Strata's own plugins are added
 * at the end as they land. Configuration: app-config.yaml (embedded default) and
 * app-config.production.yaml (PostgreSQL).
 */
import { createBackend } from '@backstage/backend-defaults';
import { strataRootHttpRouterServiceFactory } from './http/rootHttpRouter';

const backend = createBackend();

// Errors answer with a message and a correlation id; stacks and paths stay in the server log.
backend.add(strataRootHttpRouterServiceFactory);

// Serves the built frontend (packages/app/dist) and injects its runtime config.
backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest for local use; production config adds GitHub.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// Catalog.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Entities the catalog could not process, with their errors (GET /api/catalog/entities/unprocessed/…).
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
// Logs catalog processing errors, one line each.
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// GitHub discovery (repositories' catalog-info.yaml, org teams and members); idle unless
// catalog.providers.github / githubOrg are configured (app-config.production.yaml).
backend.add(import('@backstage/plugin-catalog-backend-module-github'));
backend.add(import('@backstage/plugin-catalog-backend-module-github-org'));
backend.add(import('@internal/plugin-catalog-backend-module-service-model'));
// Refuses oversized entities and script links with a processing error that says why.
backend.add(import('@internal/plugin-catalog-backend-module-entity-guards'));
// On the embedded SQLite default: WAL and a larger cache for ingest, partial indexes for filtered
// (relation) queries. Does nothing on PostgreSQL.
backend.add(import('@internal/plugin-catalog-backend-module-sqlite-tuning'));
// Facets and list pages (GET /entity-facets, /entities/by-query) per caller through the cache
// service (memory here, Redis in production), served only while the catalog has not changed.
backend.add(import('@internal/plugin-catalog-backend-module-query-cache'));
// Repositories created on this Strata (templates' "Local Git repository") in the catalog, and
// the guard every `file` location goes through. The catalog API itself accepts `url` only.
backend.add(
  import('@internal/plugin-catalog-backend-module-local-repositories'),
);
// Freshness: a GitHub push refreshes exactly the files it touched (with the stock GitHub
// provider, on the webhook below), and a changed file of a `file` location is re-read at once.
backend.add(
  import('@internal/plugin-catalog-backend-module-github-push-refresh'),
);
backend.add(
  import('@internal/plugin-catalog-backend-module-file-watch-refresh'),
);
// Each entity names the version of its source it was read from and when (the Source card).
backend.add(import('@internal/plugin-catalog-backend-module-source-stamp'));
// Catalog edits as pull requests against each service's catalog-info.yaml.
backend.add(import('@internal/plugin-catalog-edits-backend'));

// Software templates.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Template checks against the catalog before publishing (name free, owner exists, valid files).
backend.add(
  import('@internal/plugin-scaffolder-backend-module-catalog-checks'),
);
// Template actions for Git repositories on this Strata's disk (publish, branch, read, register).
backend.add(
  import('@internal/plugin-scaffolder-backend-module-local-repositories'),
);
// The event template's proposal of spec.produces to the producer, through catalog-edits.
backend.add(
  import('@internal/plugin-scaffolder-backend-module-event-proposals'),
);
// The strangler-extraction template's actions: gateway traffic split, skeleton reuse, annotate.
backend.add(import('@internal/plugin-scaffolder-backend-module-strangler'));
// Values the templates read from app-config, as template globals (strataOtlpEndpoint).
backend.add(
  import('@internal/plugin-scaffolder-backend-module-template-globals'),
);

// Permissions: admins from strata.permissions.admins; owners act on their own entities; users
// read their own scaffolder tasks (plugins/permission-backend-module-strata-policy/README.md).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@internal/plugin-permission-backend-module-strata-policy'));

// Search: PostgreSQL engine in production, in-memory Lunr on SQLite.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-techdocs-backend'));
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));

// Events bus (catalog and signals subscribe to it), notifications and live signals.
backend.add(import('@backstage/plugin-events-backend'));
// GitHub webhooks at POST /api/events/http/github, signature-checked with
// events.modules.github.webhookSecret (401 when missing or wrong; off without the secret),
// published as github.<event>. Replaces @backstage/plugin-events-backend-module-github (403).
backend.add(import('@internal/plugin-events-backend-module-github-webhook'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Actions exposed to MCP clients (catalog, scaffolder, auth action sources).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// What is deployed where and why a rollout fails (a watch cache over the configured Kubernetes
// clusters), rollout and incident history from the watch and from CD systems, DORA figures.
backend.add(import('@internal/plugin-deployments-backend'));

// OTLP/HTTP trace receiver (POST /api/telemetry/v1/traces), RED and the observed service graph
// from embedded aggregates, and SLO status from each service's OpenSLO file.
backend.add(import('@internal/plugin-telemetry-backend'));
// SLOs from a Prometheus-compatible API (Prometheus, Thanos, Mimir over the Collector's
// spanmetrics) instead of the embedded aggregates; off unless telemetry.prometheus.baseUrl is set.
backend.add(import('@internal/plugin-telemetry-backend-module-prometheus'));
// Demo traffic: the demo organisation's request flow as real OpenTelemetry spans into the
// receiver; off unless telemetry.demoTraffic.enabled is true.
backend.add(import('@internal/plugin-telemetry-backend-module-demo-traffic'));

// Architecture findings and scorecards over the whole catalog (with telemetry and deployments
// when they answer), every 5 minutes and after catalog changes; waivers, trends, and the
// governance.list-findings MCP action.
backend.add(import('@internal/plugin-governance-backend'));

// Who owns it and who is on call (GET /api/ownership/v1/lookup and the on-call MCP actions),
// from an index of the catalog; on-call from PagerDuty first when ownership.pagerduty is set.
backend.add(import('@internal/plugin-ownership-backend'));
backend.add(import('@internal/plugin-ownership-backend-module-pagerduty'));

// Validates catalog files for CI (POST /api/catalog-validation/validate), same rules as the CLI.
backend.add(import('@internal/plugin-catalog-validation-backend'));

backend.start();
