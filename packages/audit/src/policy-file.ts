import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/Either';
import { decodePolicy, defaultPolicy, type PolicyOverride } from '@order-liability/domain';
import { type AuditError, describeError, ioError, usageError } from './audit-error';
import { isRecord } from './is-record';

// The codec drops unknown keys; an auditor's typo must not silently fall back to a default.
const unknownSetting = (json: unknown): string | undefined =>
  isRecord(json) ? Object.keys(json).find((key) => !Object.hasOwn(defaultPolicy, key)) : undefined;

/** Decodes the text of a --policy file: JSON, a partial override of the default policy. */
export const parsePolicy = (text: string, path: string): E.Either<AuditError, PolicyOverride> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return E.left(usageError(`policy file ${path} is not JSON: ${describeError(error)}`));
  }
  const unknown = unknownSetting(json);
  if (unknown !== undefined)
    return E.left(
      usageError(
        `policy file ${path} has an unknown setting ${JSON.stringify(unknown)}; known: ${Object.keys(defaultPolicy).join(', ')}`,
      ),
    );
  const decoded = decodePolicy(json);
  return E.isLeft(decoded)
    ? E.left(usageError(`policy file ${path} is not a valid policy: ${decoded.left.message}`))
    : decoded;
};

/** Reads and decodes a --policy file; a missing file is an IO error, a bad one a usage error. */
export const loadPolicyFile = async (
  path: string,
): Promise<E.Either<AuditError, PolicyOverride>> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return E.left(ioError(`cannot read policy file ${path}: ${describeError(error)}`, error));
  }
  return parsePolicy(text, path);
};
