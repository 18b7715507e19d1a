/** A spec the generator cannot turn into code, with the file and the place in it. */
export class SpecError extends Error {
  constructor(readonly where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'SpecError';
  }
}
