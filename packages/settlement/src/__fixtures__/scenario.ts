import { join } from 'node:path';
import type { Command } from '@order-liability/domain';
import {
  coveredBooked,
  coveredConcluded,
  merchantConcluded,
  notFraud,
  open,
  splitBooked,
} from './cases';

/**
 * The cases behind the report fixtures: payout-1.csv (";", decimal major units), payout-2.csv
 * (",", minor units) and payout-3.json (the Settlements API's shape).
 */
export const scenarioCases: Readonly<Record<string, Command[]>> = {
  // Covered, booked; settled as expected in payout 1 (matched by order_id).
  'f2a6c7e4-1b2d-4c1e-9a37-5d0c8e1a1001': coveredBooked('f2a6c7e4-1b2d-4c1e-9a37-5d0c8e1a1001'),
  // The merchant's loss (no tracking), concluded; the reversal is in payout 2 (merchant_reference1).
  'M-1002': merchantConcluded('M-1002'),
  // Split liability, booked: covered tracked parcel, uncovered untracked one; all in payout 1.
  'M-1003': splitBooked('M-1003'),
  // Covered, booked; payout 3 credits the gross instead of the amount excluding VAT.
  'M-1004': coveredBooked('M-1004'),
  // Covered, concluded; no report has it.
  'M-1005': coveredConcluded('M-1005'),
  // Concluded not fraud, yet payout 2 reverses it.
  'M-1006': notFraud('M-1006'),
  // Covered, booked; the charge is in payout 1 and again in payout 2.
  'M-1007': coveredBooked('M-1007'),
  // Not concluded; nothing expected, nothing in the reports.
  'M-1008': open('M-1008'),
};

export const reportFile = (name: string): string => join(__dirname, 'reports', name);

export const scenarioReports = ['payout-1.csv', 'payout-2.csv', 'payout-3.json'].map(reportFile);
