import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';
import { LookupResult } from '../../api';
import { Person } from './Person';
import { QuickLinks } from './QuickLinks';

type Contact = LookupResult['owner']['contacts'][number];

function contactHref(contact: Contact): string {
  return contact.type === 'email' ? `mailto:${contact.value}` : contact.value;
}

function Row(props: {
  label: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Box display="flex" style={{ gap: 8 }} py={0.5} data-testid={props.testId}>
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ minWidth: '7em' }}
      >
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

/** Where the on-call answer came from, in words: "catalog rotation of platform · weekly, …". */
function sourceWords(onCall: LookupResult['onCall']): string {
  const parts = [
    onCall.source === 'none' ? 'nobody is named' : `${onCall.source}`,
    onCall.schedule,
    onCall.escalationPolicy && `escalation policy ${onCall.escalationPolicy}`,
    onCall.until && `until ${onCall.until.slice(0, 16).replace('T', ' ')} UTC`,
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * Everything an on-call engineer needs at 3 a.m., in the order they need it: the owner team
 * and how to reach it, who is on call now, whom to escalate to, and the service's health.
 */
export function OnCallView(props: {
  result: LookupResult;
  links: Array<{ url: string; title?: string }>;
}) {
  const { owner, onCall, escalation } = props.result;
  return (
    <>
      <Row label="Owner" testId="oncall-owner">
        {/* The link shows the group's title (the catalog's entity presentation). */}
        <EntityRefLink entityRef={owner.ref} defaultKind="group" />
      </Row>
      <Row label="Contacts" testId="oncall-contacts">
        {owner.contacts.length === 0
          ? 'none in the team’s profile or links'
          : owner.contacts.map((contact, i) => (
              <Fragment key={`${contact.type}:${contact.value}`}>
                {i > 0 && ' · '}
                <Link href={contactHref(contact)}>
                  {contact.title ?? contact.value}
                </Link>
              </Fragment>
            ))}
      </Row>
      <Row label="On call now" testId="oncall-primary">
        {onCall.primary ? (
          <Person name={onCall.primary} defaultKind="user" />
        ) : (
          'nobody named'
        )}
        {onCall.primary && ' (primary)'}
      </Row>
      {onCall.secondary && (
        <Row label="Secondary" testId="oncall-secondary">
          <Person name={onCall.secondary} defaultKind="user" />
        </Row>
      )}
      <Row label="Source" testId="oncall-source">
        {sourceWords(onCall)}
        {onCall.fromGroup && onCall.fromGroup !== owner.ref && (
          <>
            {' '}
            (rotation of{' '}
            <EntityRefLink entityRef={onCall.fromGroup} defaultKind="group" />)
          </>
        )}
        {onCall.reason && <div>{onCall.reason}</div>}
      </Row>
      <Row label="Escalation" testId="oncall-escalation">
        {escalation.length === 0
          ? 'no groups above the owner'
          : escalation.map((ref, i) => (
              <Fragment key={ref}>
                {i > 0 && ' → '}
                <EntityRefLink entityRef={ref} defaultKind="group" />
              </Fragment>
            ))}
      </Row>
      <QuickLinks result={props.result} links={props.links} Row={Row} />
    </>
  );
}
