import type { Decision } from '@order-liability/domain';
import { printCase } from '../print-case';
import { faqCases } from './cases';
import { runCommands } from './run-commands';

/** Runs one FAQ path by name and prints it; gives the decision. */
export const runFaqCase = (name: string, log: (line: string) => void): Decision => {
  const faqCase = faqCases[name];
  if (faqCase === undefined) throw new Error(`Unknown FAQ example ${name}`);
  const { events, state } = runCommands(faqCase.commands);
  return printCase(faqCase.title, events, state, log);
};
