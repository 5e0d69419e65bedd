import type { TCommandOf, TCommandType } from "../commands";
import type { Ctx, TransitionResult } from "../context";

/**
 * `guard` holds every check that does not depend on the command's payload, so
 * `availableCommands` can run it alone; `apply` checks the payload and computes the result.
 */
export type Handler<T extends TCommandType> = {
  who: readonly ("applicant" | "staff" | "system")[];
  guard(ctx: Ctx): void;
  apply(ctx: Ctx, cmd: TCommandOf<T>): TransitionResult;
};
