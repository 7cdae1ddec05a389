/** A small structured logger: one JSON line per entry on stderr, quiet in tests. */
export type Logger = {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
};

type Level = 'info' | 'warn' | 'error';

export function createLogger(scope: string, sink?: (line: string) => void): Logger {
  // Tests provoke errors on purpose; CAJA_LOG=debug shows them.
  const silent =
    process.env.CAJA_LOG === 'silent' || (process.env.VITEST && process.env.CAJA_LOG !== 'debug');
  const write = (level: Level, msg: string, data?: Record<string, unknown>): void => {
    if (silent) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level, scope, msg, ...data });
    if (sink) sink(line);
    else process.stderr.write(line + '\n');
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
