// What every `pnpm conformance <subcommand>` does with its parsed arguments: a bad option prints the error and
// the help (exit 2), --help prints the help (exit 0); otherwise the values go on.

/** The -h/--help option, for a parseArgs options table. */
export const HELP_OPTION = { type: "boolean", short: "h", default: false } as const;

/** The values `parse` returns, or the exit code when they are bad or ask for help. */
export function valuesOrExit<T extends { help?: boolean }>(
  parse: () => T,
  help: string,
  print: (s: string) => void,
): T | 0 | 2 {
  let values: T;
  try {
    values = parse();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${help}\n`);
    return 2;
  }
  if (values.help) {
    print(`${help}\n`);
    return 0;
  }
  return values;
}
