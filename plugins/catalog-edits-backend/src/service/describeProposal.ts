import {
  CatalogEdit,
  SetSpecFieldEdit,
  SPEC_FIELDS,
} from '@internal/plugin-catalog-edits-common';
import { GithubCatalogFile } from '../github/source';

/** What a pull request says about an edit. */
export type ProposalText = {
  title: string;
  commitMessage: string;
  body: string;
};

/** What setting a service-model field does, in words: `set tier to 2`. */
function specFieldSummary(edit: SetSpecFieldEdit): string {
  if (edit.path === 'spec.personalData') {
    return edit.value
      ? 'mark as storing personal data'
      : 'mark as storing no personal data';
  }
  return `set ${SPEC_FIELDS[edit.path].label} to ${edit.value}`;
}

function change(edit: CatalogEdit): { field: string; summary: string } {
  switch (edit.type) {
    case 'setOwner':
      return { field: 'spec.owner', summary: `set owner to ${edit.owner}` };
    case 'addDatabase':
      return {
        field: 'spec.dependsOn',
        summary: `add database ${edit.resourceRef}`,
      };
    case 'addProduces':
      return {
        field: 'spec.produces',
        summary: `add produced topic ${edit.topicRef}`,
      };
    case 'addConsumes':
      return {
        field: 'spec.consumes',
        summary: `add consumed topic ${edit.topicRef}`,
      };
    case 'setSpecField':
      return { field: edit.path, summary: specFieldSummary(edit) };
    default:
      return { field: 'spec', summary: 'edit' };
  }
}

/** Title, commit message and body of the pull request for an edit. */
export function describeProposal(options: {
  entityRef: string;
  edit: CatalogEdit;
  requestedBy: string;
  file: GithubCatalogFile;
}): ProposalText {
  const { entityRef, edit, requestedBy, file } = options;
  const { field, summary } = change(edit);
  const title = `${entityRef}: ${summary}`;
  const body = [
    `This pull request was proposed from the Strata portal by \`${requestedBy}\`.`,
    '',
    '## Change',
    '',
    `- **Entity:** \`${entityRef}\``,
    `- **Field:** \`${field}\``,
    `- **Edit:** ${summary}`,
    `- **File:** \`${file.path}\` on \`${file.branch}\``,
    '',
    `Only \`${field}\` of this entity is changed; the rest of the file, comments and formatting included, is untouched. The edited file passes Strata's catalog validation with no new errors.`,
    '',
    '## What merging does',
    '',
    'The catalog reads this file from Git. Merging this pull request updates the catalog on its next refresh of this location; closing it discards the change. The portal never edits the catalog behind Git\u2019s back.',
  ].join('\n');
  return {
    title,
    commitMessage: `catalog-info: ${summary} (${entityRef})\n\nRequested by ${requestedBy} from the Strata portal.`,
    body,
  };
}
