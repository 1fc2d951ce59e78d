import * as E from 'fp-ts/Either';
import { decide, type DomainError, fold, type PolicyOverride } from '@order-liability/domain';
import { type EventStore, handle, isCommandRejectedError } from '@order-liability/store';
import type { AnswerCommand } from './merchant-answer';
import { readCase } from './read-case';

export type RecordedAnswer =
  | { readonly ok: true; readonly duplicate: boolean }
  | { readonly ok: false; readonly refused: AnswerCommand; readonly error: DomainError };

/** The idempotency key of one command of a form submission. */
export const commandKey = (formKey: string, index: number): string => `${formKey}/${index}`;

/**
 * Records the merchant's answer: one command per parcel, each under its own idempotency key
 * derived from the form's, so a resubmission (double click, back button, retry) records each
 * once. The commands not yet recorded are first decided together against the case as read,
 * so that a refusal of the second parcel records nothing of the first (SR-14). A concurrent
 * answer between that check and the appends can still refuse a later command; the commands
 * before it then stay recorded, and the page shows the refusal.
 */
export const recordAnswer = async (
  store: EventStore,
  orderId: string,
  commands: readonly AnswerCommand[],
  formKey: string,
  policy?: PolicyOverride,
): Promise<RecordedAnswer> => {
  const read = await readCase(store, orderId);
  const used = new Set((read?.events ?? []).map((event) => event.metadata.idempotencyKey));
  const pending = commands
    .map((answer, index) => ({ answer, key: commandKey(formKey, index) }))
    .filter(({ key }) => !used.has(key));
  let state = read?.state ?? fold([]);
  for (const { answer } of pending) {
    const decided = decide(answer.command, state, policy);
    if (E.isLeft(decided)) return { ok: false, refused: answer, error: decided.left };
    state = fold(decided.right, state);
  }
  let duplicate = true;
  for (const { answer, key } of pending) {
    try {
      const result = await handle(store, answer.command, {
        idempotencyKey: key,
        ...(policy === undefined ? {} : { policy }),
      });
      duplicate = duplicate && result.duplicate;
    } catch (error) {
      if (!isCommandRejectedError(error)) throw error;
      return { ok: false, refused: answer, error: error.domainError };
    }
  }
  return { ok: true, duplicate };
};
