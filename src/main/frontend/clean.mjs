// Removes the previous build (index.html and app/) from target/classes/static/fenhe/, not the other pages.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = (p) => fileURLToPath(new URL(`../../../target/classes/static/fenhe/${p}`, import.meta.url));
rmSync(out('app'), { recursive: true, force: true });
rmSync(out('index.html'), { force: true });
