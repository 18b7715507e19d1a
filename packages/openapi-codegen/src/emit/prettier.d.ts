// Prettier 2 ships no type declarations; this is the one function the generator calls.
declare module 'prettier' {
  const prettier: {
    format(source: string, options: Record<string, unknown>): string;
  };
  export default prettier;
}
