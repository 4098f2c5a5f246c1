/** Every validation rule, in the order their findings are listed. Add a rule here to turn it on. */
import type { Rule } from '../types.js';
import { headerIncomplete } from './header-incomplete.js';
import { itemNumbering } from './item-numbering.js';
import { itemMissingDecision } from './item-missing-decision.js';
import { tocMismatch } from './toc-mismatch.js';
import { dateMismatch } from './date-mismatch.js';
import { dateWithoutYear } from './date-without-year.js';
import { impossibleDate } from './impossible-date.js';
import { absenceMismatch } from './absence-mismatch.js';
import { personalData } from './personal-data.js';
import { personalAddress } from './personal-address.js';
import { personalHealth } from './personal-health.js';
import { placeholder } from './placeholder.js';
import { tableTotal } from './table-total.js';
import { amountAmbiguous } from './amount-ambiguous.js';

export const RULES: Rule[] = [
  headerIncomplete,
  itemNumbering,
  itemMissingDecision,
  tocMismatch,
  dateMismatch,
  dateWithoutYear,
  impossibleDate,
  absenceMismatch,
  personalData,
  personalAddress,
  personalHealth,
  placeholder,
  tableTotal,
  amountAmbiguous,
];
