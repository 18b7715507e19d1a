import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import {
  ChannelDataAndEvents,
  ChannelUsage,
  DatabaseDataAndEvents,
  DatabaseUsage,
  ServiceDataAndEvents,
} from './model';
import {
  BrokerName,
  Chip,
  EmptyText,
  Section,
  ServiceList,
  ServiceWithOwners,
  Warning,
  channelTypeLabel,
} from './parts';

function PersonalData(props: { personalData?: boolean; showNo?: boolean }) {
  if (props.personalData) {
    return <Chip>personal data</Chip>;
  }
  if (props.personalData === false && props.showNo) {
    return (
      <Text variant="body-small" color="secondary">
        no personal data
      </Text>
    );
  }
  return null;
}

function DatabaseRow(props: { database: DatabaseUsage }) {
  const { database } = props;
  return (
    <li>
      <Flex direction="column" gap="1">
        <Flex align="center" gap="2">
          <EntityRefLink entityRef={database.entity ?? database.entityRef} />
          <Text variant="body-small" color="secondary">
            {database.engine ?? 'engine unknown'}
          </Text>
          <PersonalData personalData={database.personalData} />
        </Flex>
        {database.sharedWith.length > 0 && (
          <Warning title="Shared database">
            Also used by{' '}
            {database.sharedWith.map((service, index) => (
              <span key={service.entityRef}>
                {index > 0 && '; '}
                <ServiceWithOwners service={service} />
              </span>
            ))}
            . Each service should own its database.
          </Warning>
        )}
      </Flex>
    </li>
  );
}

const CHANNEL_WARNINGS = {
  'no-consumer': 'No consumer in the catalog',
  'no-producer': 'No producer in the catalog',
  'not-in-catalog': 'This topic/queue is not in the catalog',
} as const;

function ChannelRow(props: {
  channel: ChannelUsage;
  counterpartLabel: string;
}) {
  const { channel, counterpartLabel } = props;
  return (
    <li>
      <Flex direction="column" gap="1">
        <Flex align="center" gap="2">
          <EntityRefLink entityRef={channel.entity ?? channel.entityRef} />
          {channel.entity && (
            <>
              <BrokerName name={channel.brokerName} />
              <Text variant="body-small" color="secondary">
                {channelTypeLabel(channel.type)}
              </Text>
            </>
          )}
        </Flex>
        {channel.warning ? (
          <Warning title={CHANNEL_WARNINGS[channel.warning]} />
        ) : (
          <Flex direction="column" gap="1">
            <Text variant="body-small" color="secondary">
              {counterpartLabel}
            </Text>
            <ServiceList
              services={channel.counterparts}
              label={`${counterpartLabel} of ${
                channel.brokerName ?? channel.entityRef
              }`}
            />
          </Flex>
        )}
      </Flex>
    </li>
  );
}

const listStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column' as const,
  gap: 'var(--bui-space-3, 0.75rem)',
};

/** On a service: its databases, the topics it produces and consumes, and who is on the other side. */
/** A service's produced or consumed topics, each with the services on the other side. */
function ChannelSection(props: {
  title: 'Produces' | 'Consumes';
  channels: ChannelUsage[];
  counterpartLabel: 'Consumers' | 'Producers';
  empty: string;
}) {
  return (
    <Section title={props.title}>
      {props.channels.length ? (
        <ul style={listStyle} aria-label={props.title}>
          {props.channels.map(channel => (
            <ChannelRow
              key={channel.entityRef}
              channel={channel}
              counterpartLabel={props.counterpartLabel}
            />
          ))}
        </ul>
      ) : (
        <EmptyText>{props.empty}</EmptyText>
      )}
    </Section>
  );
}

export function ServiceView(props: { model: ServiceDataAndEvents }) {
  const { databases, produces, consumes } = props.model;
  return (
    <Flex direction="column" gap="4">
      <Section title="Databases">
        {databases.length ? (
          <ul style={listStyle} aria-label="Databases">
            {databases.map(database => (
              <DatabaseRow key={database.entityRef} database={database} />
            ))}
          </ul>
        ) : (
          <EmptyText>No database in the catalog (spec.dependsOn).</EmptyText>
        )}
      </Section>
      <ChannelSection
        title="Produces"
        channels={produces}
        counterpartLabel="Consumers"
        empty="Produces to no topic or queue (spec.produces)."
      />
      <ChannelSection
        title="Consumes"
        channels={consumes}
        counterpartLabel="Producers"
        empty="Consumes no topic or queue (spec.consumes)."
      />
    </Flex>
  );
}

/** On a database: engine, personal data and the services using it. */
export function DatabaseView(props: { model: DatabaseDataAndEvents }) {
  const { engine, personalData, users, shared } = props.model;
  return (
    <Flex direction="column" gap="4">
      <Flex align="center" gap="2">
        <Text variant="body-medium">
          Engine: <strong>{engine ?? 'unknown'}</strong>
        </Text>
        <PersonalData personalData={personalData} showNo />
      </Flex>
      {shared && (
        <Warning title={`Shared database: used by ${users.length} services`}>
          Each service should own its database; the services below share this
          one.
        </Warning>
      )}
      <Section title="Used by">
        {users.length ? (
          <ServiceList services={users} label="Used by" />
        ) : (
          <EmptyText>No service in the catalog depends on it.</EmptyText>
        )}
      </Section>
    </Flex>
  );
}

/** On a topic or queue: producers, consumers and the schema. */
export function ChannelView(props: { model: ChannelDataAndEvents }) {
  const { type, brokerName, schemaRefs, producers, consumers, warnings } =
    props.model;
  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Text variant="body-medium">
          {channelTypeLabel(type)} <BrokerName name={brokerName} />
        </Text>
        <Text variant="body-medium">
          Schema:{' '}
          {schemaRefs.length ? (
            schemaRefs.map((ref, index) => (
              <span key={ref}>
                {index > 0 && ', '}
                <EntityRefLink entityRef={ref} defaultKind="api" />
              </span>
            ))
          ) : (
            <Text variant="body-small" color="secondary">
              none in the catalog (spec.schema)
            </Text>
          )}
        </Text>
      </Flex>
      <Section title="Producers">
        {warnings.includes('no-producer') ? (
          <Warning title={CHANNEL_WARNINGS['no-producer']} />
        ) : (
          <ServiceList services={producers} label="Producers" />
        )}
      </Section>
      <Section title="Consumers">
        {warnings.includes('no-consumer') ? (
          <Warning title={CHANNEL_WARNINGS['no-consumer']} />
        ) : (
          <ServiceList services={consumers} label="Consumers" />
        )}
      </Section>
    </Flex>
  );
}
