import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the core is pure', () => {
  const core = files(path.join(__dirname, '..', 'src', 'core'));
  it.each(core.map((f) => [path.relative(path.join(__dirname, '..'), f), f]))('%s imports only the core and zod, and no host', (_n, file) => {
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const m of src.matchAll(/from '([^']+)'/g)) expect(m[1]).toMatch(/^(\.{1,2}\/|zod$|zod\/v4\/locales$)/);
    expect(src).not.toMatch(/\brequire\(|\bprocess\.|\bdocument\.|\bwindow\.|\bOffice\.|\bExcel\./);
  });
});
