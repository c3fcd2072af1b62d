/**
 * One Slack installation (a workspace, or a whole Enterprise Grid org) as the store keeps it. The tokens
 * are inside `sealed`, encrypted by the caller; the store never sees them in the clear, and everything
 * else here is safe to list.
 */
export interface InstallationRecord {
  /** `E:<enterprise id>` for an org-wide install, `T:<team id>` for a workspace. */
  key: string;
  enterpriseId: string | null;
  teamId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  scopes: string[];
  /** The installation with its tokens, encrypted (AES-256-GCM), opaque to the store. */
  sealed: string;
  /** Which key sealed it, so keys can be rotated. */
  keyId: string;
  /** When the bot token expires (token rotation), UTC ISO; null when it does not. */
  tokenExpiresAt: string | null;
  installedAt: string;
  refreshedAt: string | null;
  updatedAt: string;
}

/** What an install writes; the store fills in the times. */
export type InstallationInput = Omit<InstallationRecord, 'installedAt' | 'refreshedAt' | 'updatedAt'>;

/** A new sealed value for an installation, from a token refresh (`refreshed`) or a key rotation. */
export interface InstallationUpdate {
  sealed: string;
  keyId: string;
  tokenExpiresAt: string | null;
  refreshed: boolean;
}

/** Installations: the part of the store port that keeps Slack installs (one row per workspace or org). */
export interface InstallationStorePort {
  /** Creates or replaces an installation (a reinstall starts it afresh: new installed time, no refresh yet). */
  saveInstallation(input: InstallationInput): Promise<InstallationRecord>;
  getInstallation(key: string): Promise<InstallationRecord | undefined>;
  /** Every installation, by key. */
  listInstallations(): Promise<InstallationRecord[]>;
  /** False when there was none. */
  deleteInstallation(key: string): Promise<boolean>;
  /**
   * Runs `update` on the current row while no other process can run one on it (a row lock on Postgres, a
   * lease taken in a transaction on SQLite), and writes what it returns. `update` sees the row as the
   * previous holder left it, so a second refresher finds the token fresh and returns undefined.
   * Resolves with the row afterwards; undefined when there is no such installation.
   */
  updateInstallationLocked(
    key: string,
    update: (current: InstallationRecord) => Promise<InstallationUpdate | undefined>,
  ): Promise<InstallationRecord | undefined>;
}
