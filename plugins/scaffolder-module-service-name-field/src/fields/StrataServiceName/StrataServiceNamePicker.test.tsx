import { useState } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen } from '@testing-library/react';
import { StrataServiceNamePicker } from './StrataServiceNamePicker';
import { reportExporter } from './testEntities';

/** The field as the scaffolder form drives it: controlled, value round-trips through onChange. */
function Harness() {
  const [value, setValue] = useState<string | undefined>(undefined);
  const props = {
    formData: value,
    onChange: setValue,
    required: true,
    rawErrors: [],
    idSchema: { $id: 'root_name' },
    schema: {
      title: 'Name',
      description: 'Unique name of the service',
    },
    uiSchema: {},
  } as any;
  return <StrataServiceNamePicker {...props} />;
}

async function renderField(
  catalog: Pick<CatalogApi, 'getEntities'> = catalogApiMock({
    entities: [reportExporter],
  }),
) {
  const getEntities = jest.fn(
    (request: Parameters<CatalogApi['getEntities']>[0]) =>
      catalog.getEntities(request),
  );
  await renderInTestApp(<Harness />, {
    apis: [[catalogApiRef, { getEntities } as any]],
  });
  return { getEntities, input: screen.getByLabelText(/Name/) };
}

describe('StrataServiceNamePicker', () => {
  it('shows the description until something is typed', async () => {
    await renderField();
    expect(screen.getByText('Unique name of the service')).toBeInTheDocument();
  });

  it('says a free name is available', async () => {
    await renderField();
    fireEvent.change(screen.getByLabelText(/Name/), {
      target: { value: 'report-importer' },
    });
    expect(
      await screen.findByText('report-importer is available'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Name/)).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('says who has a taken name and marks the field invalid', async () => {
    await renderField();
    fireEvent.change(screen.getByLabelText(/Name/), {
      target: { value: 'report-exporter' },
    });
    expect(
      await screen.findByText(
        'report-exporter is taken by component:default/report-exporter (owner group:default/growth)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Name/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('explains the rule for a malformed name without asking the catalog', async () => {
    const { getEntities } = await renderField();
    fireEvent.change(screen.getByLabelText(/Name/), {
      target: { value: '2fa' },
    });
    expect(
      await screen.findByText('Start the name with a letter.'),
    ).toBeInTheDocument();
    expect(getEntities).not.toHaveBeenCalled();
  });

  it('asks the catalog once per pause in typing, for the last name only', async () => {
    const { getEntities } = await renderField();
    const input = screen.getByLabelText(/Name/);
    for (const partial of ['rep', 'repo', 'repor', 'report-exporter']) {
      fireEvent.change(input, { target: { value: partial } });
    }
    expect(screen.getByText('Checking report-exporter…')).toBeInTheDocument();
    await screen.findByText(/report-exporter is taken/);
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: expect.objectContaining({ 'metadata.name': 'report-exporter' }),
      }),
    );
  });

  it('says when the catalog cannot be asked, without blocking', async () => {
    await renderField({
      getEntities: async () => {
        throw new Error('catalog unavailable');
      },
    });
    fireEvent.change(screen.getByLabelText(/Name/), {
      target: { value: 'report-importer' },
    });
    expect(
      await screen.findByText(
        'Could not ask the catalog whether report-importer is free (catalog unavailable); it is checked again when the service is created.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Name/)).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});
