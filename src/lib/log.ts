/**
 * Structured logs: one JSON object per line with a stable lowercase `msg`.
 * Callers pass internal ids only, never secrets, tokens, bodies or openids.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
type Level = "debug" | "info" | "warn" | "error";

function write(level: Level, msg: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export const log = {
  debug: (msg: string, fields?: LogFields) => write("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
};

/**
 * drizzle's query errors read "Failed query: <sql>\nparams: <values>", and the
 * values can be openids, names or mobiles: the SQL stays, the values go.
 */
function redactQueryParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, "\nparams: [redacted]");
}

/** The fields of an unexpected error worth logging: its kind, message, cause and stack. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? redactQueryParams(err.cause.message) : undefined;
    return {
      errorName: err.name,
      errorMessage: redactQueryParams(err.message),
      ...(cause ? { cause } : {}),
      stack: redactQueryParams(err.stack ?? ""),
    };
  }
  return { errorMessage: redactQueryParams(String(err)) };
}
