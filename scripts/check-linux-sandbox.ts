/**
 * Runs before `npm start` on Linux: on Ubuntu ≥ 23.10 (and others that restrict unprivileged user
 * namespaces with AppArmor) Electron from node_modules aborts at launch unless its sandbox helper
 * is root-owned and SUID. This says so, with the exact commands, instead of a crash with a
 * Chromium log line — and never turns the sandbox off. See README.md and docs/real-machines.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kernel switch Ubuntu 23.10 added (1 by default since 24.04). */
export const userNamespaceRestriction = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
/** Set to 1 by whoever gave Electron an AppArmor profile instead: the check then stays quiet. */
export const skipVariable = 'NAHTSTELLE_SKIP_SANDBOX_CHECK';

export interface SandboxFacts {
  readonly platform: NodeJS.Platform;
  /** The restriction file's content, or null where it does not exist (not Ubuntu, older kernels). */
  readonly restriction: string | null;
  /** The helper's owner and mode, or null where it is missing (Electron's binary not fetched yet). */
  readonly helper: { readonly uid: number; readonly mode: number } | null;
  readonly helperPath: string;
  readonly skip: boolean;
}

/** What is wrong and how to fix it, or null when Electron can start its sandbox. */
export function sandboxProblem(facts: SandboxFacts): string | null {
  if (facts.platform !== 'linux' || facts.skip) return null;
  if (facts.restriction?.trim() !== '1') return null;
  // Not there yet (Electron fetches its binary on first use): nothing to check before that start.
  if (!facts.helper) return null;
  // The SUID helper: owned by root, setuid, executable by all (Chromium asks for mode 4755).
  if (facts.helper.uid === 0 && (facts.helper.mode & 0o4755) === 0o4755) return null;
  const path = facts.helperPath;
  return [
    'Nahtstelle: Electron cannot start its sandbox on this system, so `npm start` would abort.',
    '',
    `This Linux restricts unprivileged user namespaces with AppArmor (${userNamespaceRestriction} = 1,`,
    'the default since Ubuntu 24.04). Electron then needs its sandbox helper to be owned by root',
    `with mode 4755, and it is not: ${path}`,
    '',
    'Fix it once (asks for your password):',
    '',
    `  sudo chown root:root '${path}'`,
    `  sudo chmod 4755 '${path}'`,
    '',
    '`npm ci` replaces the file: run the two lines again after it. The installed app (the .deb)',
    `does this by itself. If you gave Electron an AppArmor profile instead, set ${skipVariable}=1.`,
    'Never start it with --no-sandbox: the app shows text from workshop files and must stay sandboxed.',
  ].join('\n');
}

function readFacts(projectRoot: string, env: NodeJS.ProcessEnv): SandboxFacts {
  const helperPath = join(projectRoot, 'node_modules', 'electron', 'dist', 'chrome-sandbox');
  let restriction: string | null = null;
  try {
    restriction = readFileSync(userNamespaceRestriction, 'utf8');
  } catch {
    restriction = null;
  }
  let helper: SandboxFacts['helper'] = null;
  try {
    const stats = statSync(helperPath);
    helper = { uid: stats.uid, mode: stats.mode };
  } catch {
    helper = null;
  }
  return { platform: process.platform, restriction, helper, helperPath, skip: env[skipVariable] === '1' };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const problem = sandboxProblem(readFacts(resolve(dirname(fileURLToPath(import.meta.url)), '..'), process.env));
  if (problem) {
    console.error(problem);
    process.exitCode = 1;
  }
}
