// Who marks a check or adds a note: git's user.name in the workspace, when set.
import { execa } from 'execa';

export async function gitUserName(cwd: string): Promise<string | null> {
  const result = await execa('git', ['config', 'user.name'], { cwd, reject: false, stdin: 'ignore', timeout: 5000 });
  const name = typeof result.stdout === 'string' ? result.stdout.trim() : '';
  return result.exitCode === 0 && name !== '' ? name : null;
}
