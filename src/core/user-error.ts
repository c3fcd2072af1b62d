/** An expected, user-caused failure whose message is safe to show in a channel. */
export class UserError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

/** A value-level failure, for functions that return outcomes instead of throwing. */
export interface Problem {
  code: string;
  message: string;
  /** Close alternatives to offer ("did you mean ..."). */
  suggestions?: string[];
}

export type Outcome<T> = ({ ok: true } & T) | ({ ok: false } & { problem: Problem });
