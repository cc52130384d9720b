import { z } from 'zod';

// zod's fast path probes `new Function('')`, which the Content-Security-Policy forbids (no
// 'unsafe-eval'): each page would report a violation. Validation is the same without it.
// (Set before any schema is built: zod reads it when a schema is created.)
z.config({ jitless: true });
