import { writeFileSync } from 'fs';
import path from 'path';
import { ruleCatalogue } from '../src/core';

const out = path.join(__dirname, '..', '..', 'docs', 'rules.md');
writeFileSync(out, ruleCatalogue());
console.log(`已生成 ${out}`);
