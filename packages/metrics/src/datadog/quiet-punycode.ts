// The Datadog client's configuration module loads cross-fetch → node-fetch → whatwg-url, which loads Node's
// deprecated `punycode` built-in and prints DEP0040 on stderr in every step that talks to Datadog — though Flowkit
// replaces that HTTP layer with its own and never calls it. Only that one warning is dropped; every other warning
// goes through. Imported before the client's modules, so it is in place when they load.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const code =
    typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: string }).code : rest[1];
  if (code === 'DEP0040') return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
