import { describe, expect, it } from 'vitest';
import { sandboxProblem, type SandboxFacts } from '../../../scripts/check-linux-sandbox';

const helperPath = '/home/ana/nahtstelle/node_modules/electron/dist/chrome-sandbox';
/** Ubuntu 24.04 after `npm ci`: the restriction on, the helper owned by the user, mode 755. */
const ubuntu2404: SandboxFacts = { platform: 'linux', restriction: '1\n', helper: { uid: 1000, mode: 0o100755 }, helperPath, skip: false };

describe('the pre-start sandbox check (npm start on Linux)', () => {
  it('prints the exact fix on Ubuntu ≥ 23.10 when the helper is not root-owned SUID', () => {
    const problem = sandboxProblem(ubuntu2404);
    expect(problem).toContain(`sudo chown root:root '${helperPath}'`);
    expect(problem).toContain(`sudo chmod 4755 '${helperPath}'`);
    expect(problem).toContain('apparmor_restrict_unprivileged_userns = 1');
    // It tells the developer never to turn the sandbox off, and offers no such switch.
    expect(problem).toContain('Never start it with --no-sandbox');
  });

  it('also when the helper is root-owned but lost its SUID bit', () => {
    expect(sandboxProblem({ ...ubuntu2404, helper: { uid: 0, mode: 0o100755 } })).not.toBeNull();
  });

  it.each<[string, Partial<SandboxFacts>]>([
    ['the helper fixed (root, 4755)', { helper: { uid: 0, mode: 0o104755 } }],
    ['no restriction (Debian, Fedora, Ubuntu 22.04)', { restriction: null }],
    ['the restriction switched off', { restriction: '0\n' }],
    ['Electron not fetched yet', { helper: null }],
    ['macOS', { platform: 'darwin' }],
    ['Windows', { platform: 'win32' }],
    ['an AppArmor profile given instead (NAHTSTELLE_SKIP_SANDBOX_CHECK=1)', { skip: true }],
  ])('stays quiet with %s', (_case, change) => {
    expect(sandboxProblem({ ...ubuntu2404, ...change })).toBeNull();
  });
});
