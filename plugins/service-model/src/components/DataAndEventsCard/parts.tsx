import { ReactNode } from 'react';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import { Alert, Badge, Flex, Text } from '@backstage/ui';
import {
  RESOURCE_TYPE_KAFKA_TOPIC,
  RESOURCE_TYPE_RABBITMQ_QUEUE,
} from '@internal/plugin-service-model-common';
import { RelatedService } from './model';

const listStyle = { margin: 0, paddingLeft: 'var(--bui-space-5, 1.25rem)' };

/** A titled block of the card. */
export function Section(props: { title: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="2" aria-label={props.title} role="group">
      <Text as="h4" variant="body-medium" weight="bold">
        {props.title}
      </Text>
      {props.children}
    </Flex>
  );
}

/** Muted text for empty states. */
export function EmptyText(props: { children: ReactNode }) {
  return (
    <Text as="p" variant="body-small" color="secondary">
      {props.children}
    </Text>
  );
}

/** A service with links to its owner teams: "etl-workers · owned by pipelines". */
export function ServiceWithOwners(props: { service: RelatedService }) {
  const { service } = props;
  return (
    <>
      <EntityRefLink entityRef={service.entity ?? service.entityRef} />
      {service.ownerRefs.length > 0 ? (
        <>
          {' · owned by '}
          <EntityRefLinks entityRefs={service.ownerRefs} defaultKind="group" />
        </>
      ) : (
        <Text variant="body-small" color="secondary">
          {service.entity ? ' · no owner' : ' · not in the catalog'}
        </Text>
      )}
    </>
  );
}

/** A list of services with their owners. */
export function ServiceList(props: {
  services: RelatedService[];
  label: string;
}) {
  return (
    <ul style={listStyle} aria-label={props.label}>
      {props.services.map(service => (
        <li key={service.entityRef}>
          <Text variant="body-medium">
            <ServiceWithOwners service={service} />
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** A clearly visible warning. */
export function Warning(props: { title: string; children?: ReactNode }) {
  return (
    <Alert
      status="warning"
      icon
      title={props.title}
      description={props.children}
    />
  );
}

/** A small label, e.g. "personal data". */
export function Chip(props: { children: ReactNode }) {
  return <Badge size="small">{props.children}</Badge>;
}

const TYPE_LABELS: Record<string, string> = {
  [RESOURCE_TYPE_KAFKA_TOPIC]: 'Kafka topic',
  [RESOURCE_TYPE_RABBITMQ_QUEUE]: 'RabbitMQ queue',
};

/** "Kafka topic" / "RabbitMQ queue" for a resource type. */
export function channelTypeLabel(type: string | undefined): string {
  return (type && TYPE_LABELS[type]) || type || 'topic/queue';
}

/** The name on the broker, in monospace. */
export function BrokerName(props: { name?: string }) {
  if (!props.name) {
    return (
      <Text variant="body-small" color="secondary">
        no broker name (spec.topic)
      </Text>
    );
  }
  return <code>{props.name}</code>;
}
