import {
  serviceNameProblem,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_NAME_MIN_LENGTH,
} from './serviceName';

describe('serviceNameProblem', () => {
  it.each([
    'report-exporter',
    'etl2',
    'abc',
    'a1-b2-c3',
    'a'.repeat(SERVICE_NAME_MAX_LENGTH),
  ])('accepts %s', name => {
    expect(serviceNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'Enter a name for the service.'],
    ['Report-Exporter', 'Use lowercase letters: "report-exporter".'],
    ['report_exporter', 'Use only lowercase letters, digits and hyphens (-).'],
    ['report.exporter', 'Use only lowercase letters, digits and hyphens (-).'],
    ['report exporter', 'Use only lowercase letters, digits and hyphens (-).'],
    ['../escape', 'Use only lowercase letters, digits and hyphens (-).'],
    ['2fa-service', 'Start the name with a letter.'],
    ['-reports', 'Start the name with a letter.'],
    ['reports-', 'The name cannot end with a hyphen.'],
    ['ab', `Use at least ${SERVICE_NAME_MIN_LENGTH} characters.`],
    [
      'a'.repeat(SERVICE_NAME_MAX_LENGTH + 1),
      `Use at most ${SERVICE_NAME_MAX_LENGTH} characters (this one has ${
        SERVICE_NAME_MAX_LENGTH + 1
      }).`,
    ],
  ])('refuses %j: %s', (name, problem) => {
    expect(serviceNameProblem(name)).toBe(problem);
  });

  it('accepts only names that are also Kubernetes DNS labels', () => {
    const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    const alphabet = ['a', 'z', '0', '9', '-', '_', '.', 'A', ' '];
    // Every 3-character string over a small alphabet, plus a few long ones.
    const candidates = alphabet.flatMap(x =>
      alphabet.flatMap(y => alphabet.map(z => `${x}${y}${z}`)),
    );
    candidates.push('a'.repeat(63), `a${'-'.repeat(38)}b`);
    const accepted = candidates.filter(n => !serviceNameProblem(n));
    expect(accepted.length).toBeGreaterThan(10);
    for (const name of accepted) {
      expect(name).toMatch(dnsLabel);
      expect(name.length).toBeLessThanOrEqual(63);
    }
  });
});
