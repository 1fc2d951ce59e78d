import type { Command, Decision } from '@order-liability/domain';
import { handle, isCommandRejectedError } from '@order-liability/store';
import type { ServiceContext } from './service-context';

/** What the JSON API answers for a command that was recorded (or had been). */
export interface CommandOutcome {
  readonly orderId: string;
  /** True when the idempotency key was seen before: nothing was recorded this time. */
  readonly duplicate: boolean;
  /** The types of the events recorded (for a duplicate, by the first submission). */
  readonly recorded: readonly string[];
  readonly decision: Decision;
}

/** Runs a command through the store's handler, counting the outcome; refusals propagate. */
export const runCommand = async (
  context: ServiceContext,
  command: Command,
  idempotencyKey: string | undefined,
): Promise<CommandOutcome> => {
  try {
    const result = await handle(context.store, command, {
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      ...(context.policy === undefined ? {} : { policy: context.policy }),
    });
    context.metrics.commands.inc({
      command: command.type,
      outcome: result.duplicate ? 'duplicate' : 'recorded',
    });
    return {
      orderId: command.data.orderId,
      duplicate: result.duplicate,
      recorded: result.appended.map((event) => event.type),
      decision: result.decision,
    };
  } catch (error) {
    if (isCommandRejectedError(error))
      context.metrics.commands.inc({ command: command.type, outcome: error.code });
    throw error;
  }
};
