import { userInfo } from 'node:os';

/** The OS user running the console or CLI, for logs and the command context; some containers have none. */
export function localUserName(fallback: string): string {
  try {
    return userInfo().username;
  } catch {
    return fallback;
  }
}
