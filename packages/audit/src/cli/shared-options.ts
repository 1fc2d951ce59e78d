import * as E from 'fp-ts/Either';
import type { PolicyOverride } from '@order-liability/domain';
import { parseAsOf } from '../as-of';
import { loadPolicyFile } from '../policy-file';

/** The --policy file decoded, or no override; throws the usage or IO AuditError. */
export const policyFromFlag = async (
  path: string | undefined,
): Promise<PolicyOverride | undefined> => {
  if (path === undefined) return undefined;
  const loaded = await loadPolicyFile(path);
  if (E.isLeft(loaded)) throw loaded.left;
  return loaded.right;
};

/** Checks --as-of before any reading starts; throws the usage AuditError. */
export const checkAsOf = (asOf: string | undefined): void => {
  if (asOf === undefined) return;
  const parsed = parseAsOf(asOf);
  if (E.isLeft(parsed)) throw parsed.left;
};
