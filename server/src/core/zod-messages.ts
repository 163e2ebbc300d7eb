// zod's English messages, which the configuration errors quote. The engine uses the tree-shakable
// `zod/mini` build (about 30 KB bundled, where `zod` with all its locales is 450 KB and a large part
// of the server's start-up); it has no messages until a locale is configured. Import this module for
// its effect beside `import * as z from 'zod/mini'` (re-exporting that namespace would keep all of zod).
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());
