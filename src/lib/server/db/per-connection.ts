import { onReopen, type AppDatabase } from './index';

/**
 * `build(db)` made once per connection, e.g. a set of prepared statements that a page or an export
 * runs for every row (preparing costs more than the read). Statements belong to the connection they
 * were prepared on: a reopen (reopenDatabase) drops what was built, and the next call builds it anew.
 */
export function perConnection<T extends object>(build: (db: AppDatabase) => T): (db: AppDatabase) => T {
	const built = new WeakMap<AppDatabase, T | null>();
	return (db) => {
		let value = built.get(db);
		if (!value) {
			// One listener per connection, added on the first build: a reopen drops the value, not the listener.
			if (!built.has(db)) onReopen(db, () => built.set(db, null));
			value = build(db);
			built.set(db, value);
		}
		return value;
	};
}
