/**
 * The one error type that may reach a user. `code` doubles as the next-intl key
 * (namespace "errors"), so lib never carries sentences (style.md "Do" 6).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, details?: Record<string, unknown>) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
