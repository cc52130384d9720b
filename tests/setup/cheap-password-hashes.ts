/**
 * Accounts made by tests hash at argon2's smallest sensible cost (1 MiB, 1 pass): the throttling
 * tests alone verify dozens of passwords, which at the production cost can exceed a test's time
 * limit on a busy 2-core machine. Production hashing is tested in tests/integration/admin/auth.test.ts.
 */
import { setPasswordHashCost } from '../../src/lib/server/auth/password';

setPasswordHashCost({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
