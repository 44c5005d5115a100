import type { Driver, DriverOptions } from './driver';

/** Opens the database the options name; its driver's package is loaded only now. */
export async function openDriver(options: DriverOptions): Promise<Driver> {
  const { database } = options;
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) {
    throw new TypeError('createConsentLog: database must be a postgres:// connection string.');
  }
  if (database !== undefined) {
    const { openPostgres } = await import('./postgres-driver');
    return openPostgres(database, options.schema);
  }
  const { openPglite } = await import('./pglite-driver');
  return openPglite(options.dataDir ?? './.consent-log', options.schema);
}
